#!/usr/bin/env bash
# Benchmarks. Each section writes docs/benchmarks/<section>.md; all present sections are then
# assembled, with the machine, into docs/benchmarks.md.
#   scripts/bench.sh                      every section (about 35 minutes on 2 cores)
#   scripts/bench.sh import matrix ...    only the named sections (the others keep their last results)
# Sections: import eligibility matrix plan scenario solvers parktaekim cvrplib load mapperf upload
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${XIAOCHE_SHARED:-$root/../shared}"
cd "$root"
XIAOCHE_SKIP_POSTGIS=1 "$root/scripts/setup.sh"
mvn -q -B -DskipTests -pl cli -am package
# The CLI jar carries the benchmarks module (org.xiaoche.benchmarks.*), whose mains every section runs.
jar="$root/cli/target/xiaoche-cli.jar"
jvm=(java -Xmx${BENCH_XMX:-8g} -Dcom.google.protobuf.use_unsafe_pre22_gencode=true)
work="$root/target/bench"
mkdir -p "$work" docs/benchmarks
sections=("$@")
[ ${#sections[@]} -eq 0 ] && sections=(import eligibility matrix plan scenario solvers parktaekim cvrplib load mapperf upload)

# section NAME TITLE: reads the body from stdin and writes docs/benchmarks/NAME.md
section() {
  local name="$1" title="$2" body
  body="$(cat)"
  { echo "## $title"; echo; echo "$body"; echo; echo "_Run on $(date -u +%Y-%m-%d)._"; } > "docs/benchmarks/$name.md"
}

bench_import() {
  local demo_dir="$work/demo-county"
  rm -rf "$demo_dir" && mkdir -p "$demo_dir" && cp osm-data/demo/demo-county.osm.gz "$demo_dir/"
  {
    echo "OSM extract to a ready graph (school_bus and foot profiles, bus contraction hierarchy); one fresh JVM and an empty graph folder per file. Peak RSS from /proc (whole JVM), peak heap from the memory pools."
    echo
    echo "| file | size | nodes | edges | import s | peak RSS MiB | peak heap MiB |"
    echo "|---|---|---|---|---|---|---|"
    for f in "$demo_dir/demo-county.osm.gz" "$shared"/osm/*.osm "$shared"/osm/*.osm.gz "$shared"/osm/*.osm.pbf; do
      [ -f "$f" ] || continue
      rm -rf "$work/import-cache"
      "${jvm[@]}" -cp "$jar" org.xiaoche.benchmarks.network.ImportBenchmark "$f" "$work/import-cache"
    done
  } | section import "Road network import"
}

bench_eligibility() {
  {
    echo "Synthetic demo county scaled by the generator (seed 2026), graph already loaded; a warm-up, then the fastest and the median of five runs on all cores. Target: 100,000 students in ≤ 10 s."
    echo
    echo "| students | schools | nodes | edges | graph ready s (import or cached load) | best s | median s | students/s | walks / needs bus / unreachable | peak RSS MiB |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    for n in 3000 100000; do
      "${jvm[@]}" -cp "$jar" org.xiaoche.benchmarks.eligibility.EligibilityBenchmark "$n" "$work/eligibility"
    done
  } | section eligibility "Eligibility throughput"
}

bench_matrix() {
  "${jvm[@]}" -cp "$jar" org.xiaoche.benchmarks.network.MatrixBenchmark --out "$work/matrix.md" \
    --cache "$work/graph-cache" "$shared/osm/yuba-county-ca.osm.pbf" osm-data/demo/demo-county.osm.gz >&2
  { echo "Bucket-based many-to-many on the school_bus contraction hierarchy beside point-to-point CH queries, in one run. Target: 1,000 × 1,000 in ≤ 3 s."; echo; sed '/^## /d' "$work/matrix.md"; } \
    | section matrix "Bus travel-time matrix"
}

bench_plan() {
  local start end
  # Warm the graph cache, then time the command line end to end (JVM start, cached graph, files written), twice.
  "$root/scripts/xiaoche" plan --demo --graph-cache "$work/graph-cache" --out "$work/demo-plan-warm" >/dev/null 2>&1
  local walls=()
  for run in a b; do
    start=$(date +%s.%N)
    "$root/scripts/xiaoche" plan --demo --graph-cache "$work/graph-cache" --out "$work/demo-plan-$run" >/dev/null 2>&1
    end=$(date +%s.%N)
    walls+=("$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.1f", e - s}')")
  done
  local same="identical"
  for f in plan.json timetable.csv students.csv stops.geojson; do
    cmp -s "$work/demo-plan-a/$f" "$work/demo-plan-b/$f" || same="DIFFERENT ($f)"
  done
  {
    echo "\`scripts/xiaoche plan --demo\` end to end (JVM start, graph cached, default policy and solver budget, all files written), run twice. Target: ≤ 10 s; the two runs must give byte-identical files."
    echo
    echo "| run 1 wall s | run 2 wall s | plan.json, timetable.csv, students.csv, stops.geojson |"
    echo "|---|---|---|"
    echo "| ${walls[0]} | ${walls[1]} | $same |"
    echo
    echo "The pipeline inside one JVM (graph loaded), on the demo county scaled by the generator (seed 2026): a full plan, \`replan\` with the first school's bell moved by 20 minutes, and \`replan\` with nothing changed. Default fleet (100 buses of each type), default policy and solver budget. Targets: demo plan ≤ 10 s, replan ≤ 3 s."
    echo
    echo "| students | needing transport | carried | cap_infeasible | walk over limit | unserved | stops | buses | runs (beyond fleet) | bus-km/day | plan s | replan, one bell moved s | replan, unchanged s | rules | coverage | peak RSS MiB |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    for n in 3000 100000; do
      "${jvm[@]}" -cp "$jar" org.xiaoche.benchmarks.plan.PlanBenchmark "$n" "$work/plan-bench"
    done
  } | section plan "Planning end to end, and replan"
}

bench_scenario() {
  {
    echo "One-school closure: the first small school (by id) merged into its nearest receiving school, planned through \`replan\` (graph loaded, baseline planned first and not timed; demo county scaled by the generator, seed 2026). Targets: ≤ 10 s on the demo county, ≤ 60 s on 100,000 students."
    echo
    echo "| students | schools | small schools | closure | students moved | scenario run s | CPU s (all threads) | schools solved | rules | peak RSS MiB |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    for n in 3000 100000; do
      "${jvm[@]}" -cp "$jar" org.xiaoche.benchmarks.scenario.ScenarioBenchmark "$n" "$work/scenario-bench" closure
    done
    echo
    echo "Layout optimisation over the first ${LAYOUT_CANDIDATES:-40} small schools of the 100,000-student county: each merger measured by a scenario run, the Pareto search with the fast evaluator (local search beyond 12 candidates), up to 12 points re-planned in full. Target: ≤ 15 min on 2 cores."
    echo
    echo "| students | candidates | closures measured | feasible alone | estimated front | points re-planned | valid | total s | CPU s (all threads) | peak RSS MiB |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    "${jvm[@]}" -cp "$jar" org.xiaoche.benchmarks.scenario.ScenarioBenchmark 100000 "$work/scenario-bench" layout "${LAYOUT_CANDIDATES:-40}"
  } | section scenario "Scenarios: one closure, and the layout optimiser"
}

bench_solvers() {
  "${jvm[@]}" -cp "$jar" org.xiaoche.benchmarks.parktaekim.ParkTaeKimBenchmark --shared "$shared" --seconds 10 \
    --threads 2 --solvers timefold,jsprit --instances RSRB01,RSRB03,RSRB05,CSCB02,CSCB04,CSCB06 --out "$work/solvers.md" >&2
  { echo "jsprit 1.8 and Timefold 1.32.0 on the same six Park–Tae–Kim instances, the planner's default search budget (jsprit iterations or Timefold steps: 40 per stop of a school, 200 to 4,000; wall cap 10 s per school), same timing, chaining and checker, in one run."; echo; sed '/^#/d' "$work/solvers.md"; } \
    | section solvers "Route solver comparison"
}

bench_parktaekim() {
  "${jvm[@]}" -cp "$jar" org.xiaoche.benchmarks.parktaekim.ParkTaeKimBenchmark --shared "$shared" --seconds 120 \
    --threads 2 --solvers jsprit --instances pnas --out "$work/parktaekim.md" \
    --iterations-per-stop "${PTK_ITERATIONS_PER_STOP:-360}" --max-iterations "${PTK_MAX_ITERATIONS:-36000}" >&2
  { echo "Park, Tae & Kim (2012) instances RSRB01–08 and CSCB01–08, single load, Park's time model (Manhattan, 20 mph, dwell 19 s + 2.6 s per student, 66 seats). Every solution is re-checked by an independent checker. BiRD fixes each school arrival at AMEARLY with a constant 154.4 s drop-off and a looser ride rule; Park's own solutions allow mixed load."; echo; sed '/^#/d' "$work/parktaekim.md"; } \
    | section parktaekim "Park–Tae–Kim school-bus benchmark"
}

bench_cvrplib() {
  "${jvm[@]}" -cp "$jar" org.xiaoche.benchmarks.cvrplib.CvrplibBenchmark --shared "$shared" --seconds 15 \
    --solvers jsprit,timefold --out "$work/cvrplib.md" >&2
  { echo "CVRPLIB X instances, cost Σ nint(Euclidean) recomputed by the checker, gap to the best known solution."; echo; sed '/^#/d' "$work/cvrplib.md"; } \
    | section cvrplib "CVRPLIB X"
}

# The web service in demo mode on loopback (embedded H2, its own data folder), signed-in viewers
# opening the demo plan; the driver and the service share the JVM and the cores.
bench_load() {
  local users="${LOAD_USERS:-50}" seconds="${LOAD_SECONDS:-120}"
  mvn -q -B -pl web -am test -Dtest=LoadTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dxiaoche.load.users="$users" -Dxiaoche.load.seconds="$seconds" -Dxiaoche.load.report="$work/load.md" >&2
  { echo "Each user signs in, then opens the demo plan (plan, stops.geojson, routes.geojson, runs and three timetables, one request after another) and pauses 500 ms, until the time is up. Latency from send to the body's last byte. Goal: p95 ≤ 200 ms, no errors, heap stable."; echo; cat "$work/load.md"; } \
    | section load "Web service under load"
}

bench_mapperf() {
  local students="${MAPPERF_STUDENTS:-100000}"
  mvn -q -B -pl web -am test -Dtest=MapPerformanceTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dxiaoche.mapperf.students="$students" -Dxiaoche.mapperf.report="$work/mapperf.md" >&2
  { echo "The map page in headless Chromium (software rendering) with a generated county's whole plan loaded (stops, runs, riders for a planner). Each action is timed with the Performance API from the action until the frame after it is painted (two animation frames, so at 60 Hz a figure is at least about 17 ms). Goal: p95 ≤ 100 ms."; echo; cat "$work/mapperf.md"; } \
    | section mapperf "Map with a county-sized plan"
}

bench_upload() {
  # The service as it runs in production (its jar, -Xmx1g), PostgreSQL when UPLOAD_PG_URL names a database
  # with PostGIS (its tables are created there), else the embedded H2GIS.
  mvn -q -B -DskipTests -pl web -am package >&2
  local port=18093 data="$work/upload-data" log="$work/upload-service.log" db=()
  rm -rf "$data" && mkdir -p "$data"
  [ -n "${UPLOAD_PG_URL:-}" ] && db=("--spring.datasource.url=$UPLOAD_PG_URL" --spring.datasource.username=postgres --spring.datasource.password=)
  XIAOCHE_DATA_DIR="$data" XIAOCHE_ADMIN_PASSWORD=bench-admin-pw java -Xmx1g -XX:+ExitOnOutOfMemoryError \
    -Dcom.google.protobuf.use_unsafe_pre22_gencode=true -jar web/target/xiaoche-web-0.1.0-SNAPSHOT.jar \
    --server.port=$port --server.address=127.0.0.1 "${db[@]+"${db[@]}"}" > "$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$port/login" && break; sleep 1; done
  local table
  table="$(java -Xmx512m -cp "$jar" org.xiaoche.benchmarks.upload.RosterUploadBenchmark "http://127.0.0.1:$port" bench-admin-pw "$work/upload")"
  local hwm
  hwm="$(awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$pid/status")"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  {
    echo "A 1.2-million-row students CSV (the demo county's 3,000 pupils 400 times under new ids, about 50 MB) with the demo schools, posted to \`/api/regions/{id}/datasets\` of the service started from its jar with \`-Xmx1g\` ($([ -n "${UPLOAD_PG_URL:-}" ] && echo PostgreSQL 15 + PostGIS || echo embedded H2GIS)); then the same file with its last line repeating the first id, which must be refused with nothing stored. Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo "$table"
    echo
    echo "Peak resident memory of the service process over both uploads: $hwm MiB (heap capped at 1 GiB)."
  } | section upload "Roster upload: 1.2 million students through the API"
}

for s in "${sections[@]}"; do
  echo "bench: $s" >&2
  "bench_$s"
done

{
  echo "# Benchmarks"
  echo
  echo "Produced by \`scripts/bench.sh\`. Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(java -version 2>&1 | head -1)."
  echo "Datasets: the real OSM extracts of \`../shared/osm\` and the benchmark instances of \`../shared/benchmarks\` (see their READMEs), and the synthetic demo county generated by \`osm-data\`."
  echo
  # caps.md is a recorded before/after comparison with earlier code, kept as it is.
  for s in import eligibility matrix plan caps scenario solvers parktaekim cvrplib load mapperf upload; do
    [ -f "docs/benchmarks/$s.md" ] && { cat "docs/benchmarks/$s.md"; echo; }
  done
} > docs/benchmarks.md
echo "wrote docs/benchmarks.md" >&2
