#!/usr/bin/env bash
# The demo: the web service on the bundled synthetic demo county, with the embedded database.
# On first start it builds the demo region, its students, an eligibility run and a bus plan (about
# half a minute), then the map shows students, stops and routes. Needs only Java 17 and Maven
# (installed by scripts/setup.sh when missing; PostgreSQL and Chromium are not needed here).
#   PORT                      port to listen on (default 8080)
#   XIAOCHE_DATA_DIR          where the demo keeps its database and graphs (default <project>/data)
#   XIAOCHE_ADMIN_PASSWORD    password of user 'admin' on first start (generated and printed otherwise)
#   XIAOCHE_DEMO_PASSWORD     password of users planner, viewer and operator on first start (likewise)
#   XIAOCHE_DEMO_SOLVER_SECONDS  route solver's safety cap per school, CPU seconds (default 10); the search
#                             itself is bounded by iterations and the demo plan takes a few seconds
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
XIAOCHE_SKIP_POSTGIS=1 XIAOCHE_SKIP_BROWSER=1 XIAOCHE_SKIP_OFFICE=1 "$root/scripts/setup.sh"

export PORT="${PORT:-8080}"
export XIAOCHE_DATA_DIR="${XIAOCHE_DATA_DIR:-$root/data}"
generate() { LC_ALL=C tr -dc 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789' </dev/urandom | head -c 16 || true; }

# Users are created only when the database is new; passwords are stored only as hashes, so a
# generated one can be shown only now.
first_start=0
[ -e "$XIAOCHE_DATA_DIR/db/xiaoche.mv.db" ] || first_start=1
if [ "$first_start" = 1 ]; then
  export XIAOCHE_ADMIN_PASSWORD="${XIAOCHE_ADMIN_PASSWORD:-$(generate)}"
  export XIAOCHE_DEMO_PASSWORD="${XIAOCHE_DEMO_PASSWORD:-$(generate)}"
fi

"$root/scripts/web.sh" --demo --xiaoche.planning.solver-seconds="${XIAOCHE_DEMO_SOLVER_SECONDS:-10}" &
service=$!
trap 'kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true' INT TERM EXIT

for _ in $(seq 1 600); do
  if ! kill -0 "$service" 2>/dev/null; then
    echo "demo: the web service stopped; see the messages above" >&2
    exit 1
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    break
  fi
  sleep 1
done

{
  echo
  echo "  Xiaoche demo is running:  http://localhost:$PORT/"
  if [ "$first_start" = 1 ]; then
    echo "  Sign in as  admin / $XIAOCHE_ADMIN_PASSWORD   (user accounts)"
    echo "  or as  planner, viewer or operator / $XIAOCHE_DEMO_PASSWORD   (the map: 示范县 Demo County)"
    echo "  These passwords are shown only now; the database keeps only their hashes."
  else
    echo "  Sign in with the passwords printed on the first start (users admin, planner, viewer, operator)."
    echo "  To start over, stop the demo and delete $XIAOCHE_DATA_DIR."
  fi
  echo "  The demo plan is built in the background on the first start (about half a minute)."
  echo "  Stop with Ctrl-C."
  echo
} >&2
wait "$service"
