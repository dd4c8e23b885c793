#!/usr/bin/env bash
# Service load: builds Release, starts Clearance.Web on a fresh SQLite file and on a throwaway PostgreSQL cluster (Debian's
# binaries, default durable settings: fsync and synchronous_commit on), and drives POST /api/orders with wrk (orders.lua:
# unique Idempotency-Key per request, three parties, one or two lines) at 64 connections.
#   bench/load/run.sh [sqlite|postgres|both] [seconds]        (default: both, 30 s; env CONNECTIONS, THREADS, WARMUP,
#   PG_CONNECTION_EXTRA)
# RATE=500: the measured run is open loop instead (the `load` command of bench/Clearance.Benchmarks: requests arrive at
# RATE per second, at most CONNECTIONS in flight, latency from each request's intended send time), after wrk's warm-up
# and the client's own WARMUP seconds at that rate.
# MODE=shipments: instead of orders, POST /api/orders/{id}/shipments (shipments.lua: one unit per request) against one order
# covered by one license line (the hot line), ORDER_UNITS units reserved (default 1000000); afterwards the license line is
# read back and checked: units shipped = shipments created, nothing reserved or shipped beyond the line (over-drawdown 0).
# LICENSES=1: before the orders, the license book of bench/load/licenses.json is created (one license per destination
# the orders go to, every party and item of orders.lua approved, 100,000,000 units a line), so that every
# license-required line is matched and, when all its parties are approved, covered and reserved.
# MODE=licensing: the orders run twice in one invocation, each on a fresh database: without licenses, then with
# LICENSES=1, and the ratio of the two is printed (issue 11: orders/s with license matching on against off).
# Needs wrk (apt-get install -y wrk) and, for PostgreSQL, postgresql (apt-get install -y postgresql).
set -euo pipefail
cd "$(dirname "$0")/../.."
which=${1:-both}
seconds=${2:-30}
connections=${CONNECTIONS:-64}
threads=${THREADS:-2}
warmup=${WARMUP:-5}
port=${PORT:-5090}
key="load-admin-key-0123456789abcdef0123456789"

if [[ "${SKIP_BUILD:-}" != 1 && -z "${CLEARANCE_WEB_DLL:-}" ]]; then
  dotnet build -c Release src/Clearance.Web -v quiet -nologo >&2
fi
if [[ -n "${RATE:-}" && "${SKIP_BUILD:-}" != 1 ]]; then
  dotnet build -c Release bench/Clearance.Benchmarks -v quiet -nologo >&2
fi
load_client=$PWD/artifacts/bin/Clearance.Benchmarks/release/Clearance.Benchmarks.dll
load_failed=0
# CLEARANCE_WEB_DLL: another build to measure (for before/after in one window), e.g. one from `git archive`.
dll=${CLEARANCE_WEB_DLL:-$PWD/artifacts/bin/Clearance.Web/release/Clearance.Web.dll}
source bench/load/server.sh

cpu_ticks() { # utime + stime of the server process, in clock ticks
  awk '{ print $14 + $15 }' "/proc/$server_pid/stat"
}

postgres_ticks() { # utime + stime of this cluster's server processes (0 without one), in clock ticks
  if [[ -z "$pg_data" ]]; then echo 0; return; fi
  local total=0 pid
  for pid in $(pgrep -f -- "postgres.*-D $pg_data" ; pgrep -P "$(head -1 "$pg_data/postmaster.pid")"); do
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

setup_licenses() { # the license book of bench/load/licenses.json
  local body id
  while IFS= read -r body; do
    id=$(curl -s -H "Authorization: Bearer $key" -H "Content-Type: application/json" "http://127.0.0.1:$port/api/licenses" -d "$body" \
      | sed -n 's/^{"id":\([0-9]*\).*/\1/p')
    if [[ -z "$id" ]]; then echo "license set-up failed for $(jq -r .number <<<"$body")" >&2; exit 1; fi
  done < <(jq -c '.[]' bench/load/licenses.json)
  echo "license book: $(jq length bench/load/licenses.json) licenses from bench/load/licenses.json"
}

setup_shipments() { # one license line and one order it covers, whose reservation the shipments draw down
  local units=${ORDER_UNITS:-1000000}
  license_id=$(curl -s -H "Authorization: Bearer $key" -H "Content-Type: application/json" "http://127.0.0.1:$port/api/licenses" -d "{
    \"number\":\"LOAD-$RANDOM$RANDOM\",\"type\":\"license\",\"holder\":\"NVIDIA\",\"validFrom\":\"2025-08-08\",\"validTo\":\"2027-08-07\",
    \"destinations\":[\"CN\"],\"parties\":[{\"name\":\"Jiangnan Inference Services Co., Ltd.\",\"country\":\"CN\"}],
    \"lines\":[{\"item\":\"NVIDIA H20 (HGX H20)\",\"quantity\":$units,\"value\":$((units * 12000))}],
    \"conditions\":[{\"kind\":\"revenue-share\",\"rate\":0.15}]}" | sed -n 's/^{"id":\([0-9]*\).*/\1/p')
  export CLEARANCE_LOAD_ORDER=$(curl -s --max-time 300 -H "Authorization: Bearer $key" -H "Idempotency-Key: ship-order-$RANDOM$RANDOM" \
    -H "Content-Type: application/json" "http://127.0.0.1:$port/api/orders" -d "{\"id\":\"SHIP-1\",\"date\":\"2025-09-01\",\"destination\":\"CN\",
    \"endUse\":\"datacenter\",\"exporter\":\"NVIDIA\",\"parties\":[{\"role\":\"buyer\",\"name\":\"Jiangnan Inference Services Co., Ltd.\",
    \"country\":\"CN\",\"headquarters\":\"CN\"}],\"lines\":[{\"item\":\"NVIDIA H20 (HGX H20)\",\"quantity\":$units,\"unitPrice\":12000}]}" \
    | sed -n '/"status":"licensed"/s/^{"id":\([0-9]*\),.*/\1/p')
  if [[ -z "$license_id" || -z "$CLEARANCE_LOAD_ORDER" ]]; then echo "shipments set-up failed (license '$license_id', licensed order '$CLEARANCE_LOAD_ORDER')" >&2; exit 1; fi
}

check_drawdown() { # the hot line after the run: units conserved, shipped against 201s, nothing beyond the line
  local line quantity reserved shipped created_all
  line=$(curl -s -H "Authorization: Bearer $key" "http://127.0.0.1:$port/api/licenses/$license_id" | grep -o '"lines":\[{[^]]*}' )
  quantity=$(sed -n 's/.*"quantity":\([0-9]*\),.*/\1/p' <<<"$line")
  reserved=$(sed -n 's/.*"quantityReserved":\([-0-9]*\),.*/\1/p' <<<"$line")
  shipped=$(sed -n 's/.*"quantityShipped":\([-0-9]*\),.*/\1/p' <<<"$line")
  created_all=$(cat "$work"/created-* 2>/dev/null | paste -sd+ | bc)
  # wrk stops counting with requests still in flight (at most CONNECTIONS at the end of the warm-up and of the run);
  # the server completes them, so shipped may exceed the 201s wrk counted by up to twice CONNECTIONS.
  echo "hot line: quantity $quantity, reserved $reserved, shipped $shipped (reserved + shipped = quantity: $([[ $((reserved + shipped)) == "$quantity" ]] && echo yes || echo NO));" \
    "201s counted by wrk (warm-up and run) $created_all, shipped - counted $((shipped - created_all)) (in flight when wrk stopped, <= $((2 * connections)));" \
    "over-drawdown $(( shipped + reserved > quantity || reserved < 0 ? shipped + reserved - quantity : 0 )) units"
}

drive() { # provider
  export CLEARANCE_LOAD_KEY=$key
  local script=bench/load/orders.lua
  # The first order loads the lists and builds the screening index (seconds): wait for it, then warm up the JIT.
  curl -s -o /dev/null --max-time 300 -H "Authorization: Bearer $key" -H "Idempotency-Key: first-$RANDOM$RANDOM" \
    -H "Content-Type: application/json" --data-binary @bench/load/first-order.json "http://127.0.0.1:$port/api/orders" || true
  if [[ "${MODE:-orders}" == shipments ]]; then
    setup_shipments
    script=bench/load/shipments.lua
  elif [[ "${LICENSES:-}" == 1 ]]; then
    setup_licenses
  fi
  CLEARANCE_LOAD_RUN="warm$RANDOM" wrk -t"$threads" -c"$connections" -d"${warmup}s" -s "$script" "http://127.0.0.1:$port" > "$work/warm-$1.txt"
  sed -n 's/^RESULT created=\([0-9]*\).*/\1/p' "$work/warm-$1.txt" > "$work/created-warm-$1"
  if [[ -n "${RATE:-}" ]]; then
    # The client's warm-up at the asked rate is not counted, nor its server CPU (the ticks are read after it).
    echo "== $1: open loop at $RATE orders/s, at most $connections in flight, ${seconds} s (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
    CLEARANCE_LOAD_RUN="run$RANDOM" dotnet "$load_client" load "http://127.0.0.1:$port" --rate "$RATE" --connections "$connections" \
      --warmup "$warmup" --seconds "$seconds" --mark-measured "$work/measured-$1" > "$work/wrk-$1.txt" &
    client_pid=$!
    while [[ ! -e "$work/measured-$1" ]] && kill -0 "$client_pid" 2>/dev/null; do sleep 0.05; done
    before=$(cpu_ticks)
    pg_before=$(postgres_ticks)
    wait "$client_pid" || { echo "load client exited with $? (failed requests or rate not reached)"; load_failed=1; }
    client_pid=""
  else
    echo "== $1: $connections connections, $threads wrk threads, ${seconds} s (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
    before=$(cpu_ticks)
    pg_before=$(postgres_ticks)
    CLEARANCE_LOAD_RUN="run$RANDOM" wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 60s -s "$script" "http://127.0.0.1:$port" \
      > "$work/wrk-$1.txt"
  fi
  after=$(cpu_ticks)
  pg_after=$(postgres_ticks)
  sed -n '/^requests /,$p' "$work/wrk-$1.txt"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  created=$(sed -n 's/^RESULT created=\([0-9]*\).*/\1/p' "$work/wrk-$1.txt")
  last_rate=$(sed -n 's/^RESULT .* rate=\([0-9.]*\).*/\1/p' "$work/wrk-$1.txt")
  last_cpu_ms=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$created" 'BEGIN { printf "%.3f", (n > 0 ? 1000 * t / hz / n : 0) }')
  # CPU per order is the figure a shared machine distorts least: wall-clock rates depend on what else runs.
  awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$created" \
    'BEGIN { printf "server CPU %.1f s, %.2f ms per created order\n", t / hz, (n > 0 ? 1000 * t / hz / n : 0) }'
  if [[ "$1" == postgres ]]; then
    # Backends that ended during the run are not counted: the pool keeps its connections, so that is rare.
    awk -v t=$((pg_after - pg_before)) -v hz="$(getconf CLK_TCK)" -v n="$created" \
      'BEGIN { printf "PostgreSQL CPU %.1f s, %.2f ms per created order\n", t / hz, (n > 0 ? 1000 * t / hz / n : 0) }'
  fi
  if [[ "${MODE:-orders}" == shipments ]]; then
    sed -n 's/^RESULT created=\([0-9]*\).*/\1/p' "$work/wrk-$1.txt" > "$work/created-run-$1"
    check_drawdown
    rm -f "$work"/created-*
  fi
  verify=$(curl -s -H "Authorization: Bearer $key" "http://127.0.0.1:$port/api/audit/verify")
  echo "audit verify: $verify"
}

export CLEARANCE_ADMIN_API_KEY=$key
export CLEARANCE_ADMIN_PASSWORD="load test password"

measure() { # provider connection-string: one run, or with MODE=licensing the run without licenses and the run with them
  if [[ "${MODE:-orders}" != licensing ]]; then
    start_server "$1" "$2"
    drive "$1"
    stop_server
    return
  fi
  local off_rate off_cpu
  echo "-- without licenses (matching finds an empty license book)"
  start_server "$1" "${2//@DB@/off}"
  LICENSES= drive "$1"
  stop_server
  off_rate=$last_rate off_cpu=$last_cpu_ms
  echo "-- with the license book of bench/load/licenses.json"
  start_server "$1" "${2//@DB@/on}"
  LICENSES=1 drive "$1"
  stop_server
  awk -v a="$off_rate" -v b="$last_rate" -v c="$off_cpu" -v d="$last_cpu_ms" \
    'BEGIN { printf "== %s licensing: orders/s with licenses / without %.1f / %.1f = %.3f; server CPU per order %.3f / %.3f ms = %.3f\n", "'"$1"'", b, a, b / a, d, c, d / c }'
}

if [[ "$which" == sqlite || "$which" == both ]]; then
  measure sqlite "Data Source=$work/clearance$([[ "${MODE:-orders}" == licensing ]] && echo -@DB@).db"
fi

if [[ "$which" == postgres || "$which" == both ]]; then
  start_postgres -c max_connections=200
  database=clearance
  if [[ "${MODE:-orders}" == licensing ]]; then
    "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U clearance clearance_off
    "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U clearance clearance_on
    database=clearance_@DB@
  else
    "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U clearance clearance
  fi
  # PG_CONNECTION_EXTRA: more connection-string keywords to try (e.g. ";Maximum Pool Size=16").
  measure postgres "Host=127.0.0.1;Port=$pg_port;Username=clearance;Database=$database${PG_CONNECTION_EXTRA:-}"
fi
exit $load_failed
