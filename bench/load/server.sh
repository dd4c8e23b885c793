# Sourced by the load scripts (run.sh, order-list.sh): a work folder removed on exit, Clearance.Web started on a
# provider, and a throwaway PostgreSQL cluster from Debian's binaries. The sourcing script sets `dll` (the Clearance.Web
# build) and `port` first; `client_pid`, when it sets one, is stopped on exit too, and KEEP_LOGS=DIR keeps the logs.
work=$(mktemp -d /tmp/clearance-load-XXXXXX)
server_pid=""
client_pid=""
pg_ctl=""
pg_data=""
pg_bin=""
pg_port=""
as_postgres=()

cleanup() {
  if [[ -n "$client_pid" ]]; then kill "$client_pid" 2>/dev/null || true; wait "$client_pid" 2>/dev/null || true; fi
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [[ -n "$pg_ctl" ]]; then "${as_postgres[@]}" "$pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null 2>&1 || true; fi
  if [[ -n "${KEEP_LOGS:-}" ]]; then cp "$work"/*.log "$KEEP_LOGS"/ 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

start_server() { # provider connection-string
  # The content root is the binary's folder, so its appsettings.json (log levels) applies as under `dotnet run`.
  dotnet "$dll" --contentRoot "$(dirname "$dll")" --urls "http://127.0.0.1:$port" --Database:Provider "$1" --ConnectionStrings:Clearance "$2" \
    >"$work/server-$1.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/api/session"; then return 0; fi
    sleep 0.2
  done
  echo "server did not start; log:" >&2; cat "$work/server-$1.log" >&2; exit 1
}

stop_server() {
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
}

start_postgres() { # [more postgres -c settings...]; sets pg_bin and pg_port (port + 1), the superuser is clearance
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  pg_ctl="$pg_bin/pg_ctl"
  pg_data="$work/pg"
  pg_port=$((port + 1))
  if [[ $(id -u) == 0 ]]; then chown postgres:postgres "$work"; as_postgres=(runuser -u postgres --); fi
  "${as_postgres[@]}" "$pg_bin/initdb" -D "$pg_data" -U clearance --auth=trust -E UTF8 --no-locale >/dev/null
  "${as_postgres[@]}" "$pg_ctl" -D "$pg_data" -l "$work/pg.log" -w start \
    -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 $*" >/dev/null
}
