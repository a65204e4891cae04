#!/usr/bin/env bash
# Installs and starts what building and testing need on a fresh Debian 12 machine: a JDK, Maven,
# PostgreSQL 15 with PostGIS 3 (the web module's persistence tests run against it) plus the test
# database, and Chromium with its driver (the web module's browser tests drive it headless).
# Idempotent and quick when everything is present.
#   XIAOCHE_SKIP_POSTGIS=1   skip the PostgreSQL/PostGIS part (the web tests then need the same
#                            variable, or they fail rather than silently skip)
#   XIAOCHE_SKIP_BROWSER=1   skip Chromium (likewise: the browser tests then need the same variable)
#   XIAOCHE_SKIP_OFFICE=1    skip LibreOffice Calc (the workbook tests then need the same variable)
# Always installed: the Chinese font the PDF exports embed (driver sheets, permit annex, notices; the CLI,
# the demo and the web make them) and poppler-utils (pdftoppm, pdffonts: the PDF tests render pages).
set -euo pipefail
need() { command -v "$1" >/dev/null 2>&1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }

missing=()
need java || missing+=(openjdk-17-jdk-headless)
need mvn || missing+=(maven)
if [ "${XIAOCHE_SKIP_POSTGIS:-}" != "1" ]; then
  dpkg -s postgresql-15 >/dev/null 2>&1 || missing+=(postgresql-15)
  dpkg -s postgresql-15-postgis-3 >/dev/null 2>&1 || missing+=(postgresql-15-postgis-3)
fi
if [ "${XIAOCHE_SKIP_BROWSER:-}" != "1" ]; then
  dpkg -s chromium >/dev/null 2>&1 || missing+=(chromium)
  dpkg -s chromium-driver >/dev/null 2>&1 || missing+=(chromium-driver)
fi
# The Chinese font: embedded in every PDF export, and legible Chinese in the browser tests' screenshots.
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
dpkg -s poppler-utils >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# LibreOffice Calc without its GUI: the export tests convert the workbooks headless
# (soffice --headless --convert-to csv) to check that they open. Without recommends it stays small.
if [ "${XIAOCHE_SKIP_OFFICE:-}" != "1" ] && ! dpkg -s libreoffice-calc-nogui >/dev/null 2>&1; then
  echo "setup: installing libreoffice-calc-nogui" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
fi

if [ "${XIAOCHE_SKIP_POSTGIS:-}" != "1" ]; then
  # The Debian package creates cluster 15/main; start it when it is not running (no systemd here).
  if ! pg_lsclusters -h 2>/dev/null | awk '$1=="15" && $2=="main" {print $4}' | grep -q online; then
    echo "setup: starting PostgreSQL 15/main" >&2
    as_root pg_ctlcluster --skip-systemctl-redirect 15 main start
  fi
  for _ in $(seq 1 30); do
    as_postgres "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
    sleep 1
  done
  # The tests connect as user postgres over TCP on 127.0.0.1 without a password.
  hba="$(as_postgres "psql -qtAc 'show hba_file'")"
  if ! grep -Eq '^host[[:space:]]+all[[:space:]]+postgres[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba"; then
    echo "setup: allowing trusted local TCP logins for postgres in $hba" >&2
    as_root sed -i '0,/^host/s//host    all             postgres        127.0.0.1\/32            trust\n&/' "$hba"
    as_postgres "psql -qtAc 'select pg_reload_conf()'" >/dev/null
  fi
  if [ "$(as_postgres "psql -qtAc \"select 1 from pg_database where datname='xiaoche_test'\"")" != "1" ]; then
    echo "setup: creating database xiaoche_test" >&2
    as_postgres "psql -qc 'CREATE DATABASE xiaoche_test'"
  fi
  as_postgres "psql -q -d xiaoche_test -c 'SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS postgis'" >/dev/null
fi
