#!/usr/bin/env bash
# Order list page: server render time of /orders over 10,000 orders, on SQLite and on a throwaway PostgreSQL cluster.
#   bench/load/order-list.sh [sqlite|postgres|both] [renders]        (default: both, 30 renders of each path; env ORDERS,
#   PORT, SKIP_BUILD=1 to use the Release builds already in artifacts/)
# Starts Clearance.Web (Release) on an empty database, writes ORDERS (default 10,000) orders straight into it
# (`seed-orders` of bench/Clearance.Benchmarks), signs in as admin with a cookie, renders each path once to warm up and
# then RENDERS times one after another with curl, and prints the median, 90th percentile and maximum of curl's
# time_total (request sent to last byte read, over loopback: routing, authentication, the count and page queries,
# Razor), the server process's CPU per render (user + system, from /proc: the figure a shared machine distorts least)
# and the page's size. Needs curl and, for PostgreSQL, postgresql (apt-get install -y postgresql).
set -euo pipefail
cd "$(dirname "$0")/../.."
which=${1:-both}
renders=${2:-30}
orders=${ORDERS:-10000}
port=${PORT:-5094}
paths=("/orders" "/orders?sort=reference&dir=asc" "/orders?sort=date&dir=desc&page=150" "/orders?status=held&destination=CN"
  "/orders?reference=SO-09&sort=status")

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  dotnet build -c Release src/Clearance.Web -v quiet -nologo >&2
  dotnet build -c Release bench/Clearance.Benchmarks -v quiet -nologo >&2
fi
dll=$PWD/artifacts/bin/Clearance.Web/release/Clearance.Web.dll
bench_dll=$PWD/artifacts/bin/Clearance.Benchmarks/release/Clearance.Benchmarks.dll
source bench/load/server.sh

export CLEARANCE_ADMIN_PASSWORD="order list bench password"

measure() { # provider connection-string
  start_server "$1" "$2"
  dotnet "$bench_dll" seed-orders "$1" "$2" "$orders"
  curl -s -f -c "$work/cookies" -H "Content-Type: application/json" -d "{\"userName\":\"admin\",\"password\":\"$CLEARANCE_ADMIN_PASSWORD\"}" \
    "http://127.0.0.1:$port/api/session" >/dev/null
  echo "== $1: $orders orders, $renders renders of each path (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
  printf '%-42s %10s %10s %10s %12s %9s\n' path "median ms" "p90 ms" "max ms" "CPU ms/page" "bytes"
  for path in "${paths[@]}"; do
    curl -s -f -b "$work/cookies" -o /dev/null "http://127.0.0.1:$port$path"
    : > "$work/times"
    before=$(awk '{ print $14 + $15 }' "/proc/$server_pid/stat")
    for _ in $(seq 1 "$renders"); do
      curl -s -f -b "$work/cookies" -o "$work/page.html" -w '%{time_total}\n' "http://127.0.0.1:$port$path" >> "$work/times"
    done
    after=$(awk '{ print $14 + $15 }' "/proc/$server_pid/stat")
    grep -q "orders</p>" "$work/page.html" || { echo "$path did not render the list" >&2; exit 1; }
    sort -g "$work/times" | awk -v path="$path" -v bytes="$(wc -c < "$work/page.html")" -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
      { t[NR] = $1 * 1000 }
      END { printf "%-42s %10.1f %10.1f %10.1f %12.1f %9d\n", path, t[int((NR + 1) / 2)], t[int(NR * 0.9 + 0.5)], t[NR], 1000 * ticks / hz / NR, bytes }'
  done
  stop_server
}

if [[ "$which" == sqlite || "$which" == both ]]; then
  measure sqlite "Data Source=$work/clearance.db"
fi

if [[ "$which" == postgres || "$which" == both ]]; then
  start_postgres
  "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U clearance clearance
  measure postgres "Host=127.0.0.1;Port=$pg_port;Username=clearance;Database=clearance"
fi
