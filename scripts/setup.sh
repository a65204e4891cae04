#!/usr/bin/env bash
# Installs and starts what building and testing need on a fresh Debian 12 machine.
# Idempotent: does nothing when everything is present.
set -euo pipefail
need() { command -v "$1" >/dev/null 2>&1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
need java || missing+=(openjdk-17-jdk-headless)
need mvn || missing+=(maven)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi
