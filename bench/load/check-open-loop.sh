#!/usr/bin/env bash
# Checks the open-loop client (`load` in bench/Clearance.Benchmarks) against a stub server that stalls once for 1 s:
# 1,000 counted requests at 200/s over 8 connections, so about 200 orders are due during the stall. Latency from the
# intended send time must show the stall (p99 >= 900 ms) while the service time from the actual send does not
# (p99 < 500 ms: only the 8 requests in flight saw it; the margin is for a busy machine), every request is created and the asked rate is met.
#   bench/load/check-open-loop.sh        (needs python3; env SKIP_BUILD=1 to use the existing Release build)
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${PORT:-5099}
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  dotnet build -c Release bench/Clearance.Benchmarks -v quiet -nologo >&2
fi
python3 - "$port" <<'PY' &
import http.server, sys, threading, time
lock = threading.Lock()
count = 0
class Stub(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        global count
        self.rfile.read(int(self.headers["Content-Length"]))
        with lock:
            count += 1
            if count == 500:
                time.sleep(1.0)
        self.send_response(201)
        self.send_header("Content-Length", "0")
        self.end_headers()
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Stub).serve_forever()
PY
stub_pid=$!
trap 'kill "$stub_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  if python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null; then break; fi
  sleep 0.1
done
out=$(dotnet artifacts/bin/Clearance.Benchmarks/release/Clearance.Benchmarks.dll load "http://127.0.0.1:$port" --rate 200 \
  --connections 8 --seconds 5 --warmup 1 --key stub --run "check$RANDOM")
echo "$out"
p99=$(sed -n 's/^RESULT .* p99_ms=\([0-9.]*\).*/\1/p' <<<"$out")
created=$(sed -n 's/^RESULT created=\([0-9]*\).*/\1/p' <<<"$out")
service_p99=$(sed -n 's/^service time from actual send: p50 [0-9.]* ms, p99 \([0-9.]*\) ms$/\1/p' <<<"$out")
awk -v p99="$p99" -v s="$service_p99" -v n="$created" 'BEGIN {
  ok = (n == 1000 && p99 >= 900 && s < 500)
  printf "%s: created %d (want 1000), p99 from intended send %.1f ms (want >= 900), service p99 %.1f ms (want < 500)\n", ok ? "ok" : "FAILED", n, p99, s
  exit ok ? 0 : 1 }'
