#!/usr/bin/env bash
# The demo: eligibility of the bundled synthetic demo county (who walks, who needs a bus).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"
exec "$root/scripts/xiaoche" eligibility --demo --out "$root/out/demo-eligibility" "$@"
