-- wrk script: POST /api/orders/{id}/shipments, one unit of line 0 per request with a unique Idempotency-Key and
-- invoice number, all against the same order and so the same (hot) license line; then a summary with throughput,
-- p50/p99 and every kind of answer (201 shipped, 409 refused: the reservation is used up).
-- Usage: wrk -t2 -c64 -d30s -s shipments.lua http://127.0.0.1:5090
--   (env CLEARANCE_LOAD_KEY = an API key that may ship, CLEARANCE_LOAD_ORDER = the order's id)

local key = os.getenv("CLEARANCE_LOAD_KEY") or error("set CLEARANCE_LOAD_KEY")
local order = os.getenv("CLEARANCE_LOAD_ORDER") or error("set CLEARANCE_LOAD_ORDER")
local run = os.getenv("CLEARANCE_LOAD_RUN") or tostring(os.time())

local threads = {}
local thread_id = 0

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  statuses = {}
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"lines":[{"line":0,"quantity":1}],"invoice":{"number":"INV-%s-%d-%d","date":"2025-09-17","amount":12000.00}}', run, id, counter)
  return wrk.format("POST", "/api/orders/" .. order .. "/shipments", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. key,
    ["Idempotency-Key"] = string.format("ship-%s-%d-%d", run, id, counter),
  }, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local byStatus = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      byStatus[status] = (byStatus[status] or 0) + n
    end
  end
  local created = byStatus[201] or 0
  local refused = byStatus[409] or 0
  local failed = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local other = {}
  for status, n in pairs(byStatus) do
    if status ~= 201 and status ~= 409 then
      failed = failed + n
      table.insert(other, string.format("%d x HTTP %d", n, status))
    end
  end
  io.write(string.format("requests %d in %.1f s: %.0f shipments/s created (201), %d refused (409)\n", summary.requests, seconds, created / seconds, refused))
  io.write(string.format("latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("failed %d (connect %d, read %d, write %d, timeout %d%s)\n", failed,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    #other > 0 and ("; " .. table.concat(other, ", ")) or ""))
  io.write(string.format("RESULT created=%d seconds=%.2f rate=%.1f p50_ms=%.2f p99_ms=%.2f failed=%d refused=%d\n",
    created, seconds, created / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000, failed, refused))
end
