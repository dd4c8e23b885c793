#!/usr/bin/env bash
# Side-by-side run of Clearance, PostgreSQL pg_trgm and Lucene.Net on the same lists and queries (issue 3).
# One command: builds Release, starts a throwaway PostgreSQL cluster, runs all three, stops the cluster and writes
# bench/peers/results.md. Not part of CI or `dotnet test`. Needs Debian's postgresql and postgresql-contrib packages.
# Extra arguments go to the harness, e.g. `--negatives 2000 --out /tmp/smoke.md` for a quick check.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
  echo "run.sh: PostgreSQL not found; install it with: apt-get install -y postgresql postgresql-contrib" >&2
  exit 2
fi

dotnet build src/Clearance.Cli -c Release -v quiet -nologo
dotnet build bench/Clearance.Peers -c Release -v quiet -nologo

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pgdir=$(mktemp -d /tmp/clearance-peers-pg.XXXXXX)
if [ "$(id -u)" = 0 ]; then chown postgres "$pgdir"; fi
port=""
for candidate in $(seq 55432 55532); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "run.sh: no free port in 55432-55532" >&2; exit 2; }

stop_postgres() {
  as_postgres "$pgbin/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap stop_postgres EXIT

as_postgres "$pgbin/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w \
  -o "-p $port -c listen_addresses=127.0.0.1 -k $pgdir" start >/dev/null
echo "run.sh: PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2

dotnet artifacts/bin/Clearance.Peers/release/Clearance.Peers.dll \
  --repo "$root" \
  --postgres "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres" \
  --cli "$root/artifacts/bin/Clearance.Cli/release/Clearance.Cli.dll" \
  --out "$root/bench/peers/results.md" \
  "$@"
