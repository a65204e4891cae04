#!/usr/bin/env bash
# Starts the Xiaoche web service on http://localhost:${PORT:-8080}. Builds the jar first when it is
# missing or older than the sources. Data (uploads, graphs, the embedded H2GIS database) goes to
# ${XIAOCHE_DATA_DIR:-<project>/data}; set SPRING_DATASOURCE_URL (+ _USERNAME/_PASSWORD) for PostgreSQL.
#   scripts/web.sh                 the service
#   scripts/web.sh --demo          and build the demo region, dataset, eligibility run and plan on first start
# The first start prints the generated password of user 'admin' unless XIAOCHE_ADMIN_PASSWORD is set;
# with --demo, XIAOCHE_DEMO_PASSWORD also creates users planner, viewer and operator.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/web/target/xiaoche-web-0.1.0-SNAPSHOT.jar"
args=()
for a in "$@"; do
  if [ "$a" = "--demo" ]; then args+=(--xiaoche.demo=true); else args+=("$a"); fi
done
if [ ! -f "$jar" ] || [ -n "$(find "$root/routing/src/main" "$root/osm-data" "$root/web/src/main" "$root"/*/pom.xml "$root/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "building the web service ..." >&2
  (cd "$root" && mvn -q -B -DskipTests -pl web -am package) >&2
fi
export XIAOCHE_DATA_DIR="${XIAOCHE_DATA_DIR:-$root/data}"
# Out of memory, the process exits (and is restarted by whatever runs it); the next start fails its jobs.
exec java ${XIAOCHE_JAVA_OPTS:--Xmx4g} -XX:+ExitOnOutOfMemoryError -Dcom.google.protobuf.use_unsafe_pre22_gencode=true -jar "$jar" "${args[@]+"${args[@]}"}"
