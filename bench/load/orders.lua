-- wrk script: POST /api/orders with a unique Idempotency-Key per request and varied, realistic orders
-- (three parties each, one or two lines), then a summary with throughput, p50/p99 and every kind of failure.
-- Usage: wrk -t2 -c64 -d30s -s orders.lua http://127.0.0.1:5090   (env CLEARANCE_LOAD_KEY = an API key that may submit)

local key = os.getenv("CLEARANCE_LOAD_KEY") or error("set CLEARANCE_LOAD_KEY")
local run = os.getenv("CLEARANCE_LOAD_RUN") or tostring(os.time())

-- Party names: distributors and data-centre operators that screen clear, plus a few that are (or resemble) listed
-- entities, so the screening index does real work and some orders are held.
local buyers = {
  { "Saigon Cloud Compute JSC", "VN" }, { "Jiangnan Inference Services Co., Ltd.", "CN" },
  { "Harbour Compute Trading Ltd.", "HK" }, { "Red Sea Analytics Company", "SA" },
  { "Johor Lotus Data Sdn. Bhd.", "MY" }, { "Rheinland KI Rechenzentrum GmbH", "DE" },
  { "Gulf Frontier AI Infrastructure LLC", "AE" }, { "Nordic Fjord Datacenter AS", "NO" },
  { "Andes Cloud Servicios SpA", "CL" }, { "Bangalore Tensor Systems Pvt. Ltd.", "IN" },
  { "Osaka Neural Compute K.K.", "JP" }, { "Lisbon Atlantic Hosting Lda.", "PT" },
  { "Warsaw Vistula Compute Sp. z o.o.", "PL" }, { "Mexico Pacifico Datos S.A. de C.V.", "MX" },
  { "Shenzhen Bright Pixel Gaming Co., Ltd.", "CN" }, { "Sugon", "CN" },
}
local consignees = {
  { "Pacific Rim Systems Distribution Inc.", "SG" }, { "Kowloon Freight Forwarding Ltd.", "HK" },
  { "Rotterdam Electronics Logistics B.V.", "NL" }, { "Dubai Jebel Ali Tech Trading FZE", "AE" },
  { "Penang Components Warehouse Sdn. Bhd.", "MY" }, { "Incheon Air Cargo Services Co.", "KR" },
}
local endUsers = {
  { "Saigon Cloud Compute JSC", "VN" }, { "Riyadh Research Compute Center", "SA" },
  { "Frankfurt Main Colocation GmbH", "DE" }, { "Hanoi University of Science and Technology", "VN" },
  { "Sao Paulo Bandeirantes Data Ltda.", "BR" }, { "Inspur Group", "CN" },
  { "Melbourne Southern Cross Compute Pty Ltd", "AU" }, { "Toronto Maple AI Lab Inc.", "CA" },
}
local items = {
  { "NVIDIA H100 SXM5 80GB", 27500 }, { "NVIDIA H20 (HGX H20)", 12000 }, { "NVIDIA L40", 8500 },
  { "NVIDIA GeForce RTX 4090", 1599 }, { "NVIDIA A800 SXM4 80GB", 15000 }, { "NVIDIA L20", 7000 },
  { "NVIDIA H200 SXM 141GB", 31000 }, { "NVIDIA HGX H20 8-GPU board", 96000 },
}
local dates = { "2024-06-01", "2024-09-15", "2025-03-01", "2025-06-02", "2026-01-20", "2026-03-02" }
local endUses = { "datacenter", "datacenter", "datacenter", "general", "supercomputer" }

local function escape(s) return (s:gsub('\\', '\\\\'):gsub('"', '\\"')) end
local function party(role, p)
  return string.format('{"role":"%s","name":"%s","country":"%s","headquarters":"%s"}', role, escape(p[1]), p[2], p[2])
end
local function line(it)
  return string.format('{"item":"%s","quantity":%d,"unitPrice":%d}', escape(it[1]), math.random(1, 512), it[2])
end

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
  math.randomseed(1000 + id)
end

function request()
  counter = counter + 1
  local buyer = buyers[math.random(#buyers)]
  local consignee = consignees[math.random(#consignees)]
  local endUser = endUsers[math.random(#endUsers)]
  local lines = line(items[math.random(#items)])
  if math.random() < 0.5 then
    lines = lines .. "," .. line(items[math.random(#items)])
  end
  local body = string.format(
    '{"id":"LOAD-%s-%d-%d","date":"%s","destination":"%s","endUse":"%s","exporter":"NVIDIA","parties":[%s,%s,%s],"lines":[%s]}',
    run, id, counter, dates[math.random(#dates)], endUser[2], endUses[math.random(#endUses)],
    party("buyer", buyer), party("consignee", consignee), party("end-user", endUser), lines)
  return wrk.format("POST", "/api/orders", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. key,
    ["Idempotency-Key"] = string.format("load-%s-%d-%d", run, id, counter),
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
  local failed = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local other = {}
  for status, n in pairs(byStatus) do
    if status ~= 201 then
      failed = failed + n
      table.insert(other, string.format("%d x HTTP %d", n, status))
    end
  end
  io.write(string.format("requests %d in %.1f s: %.0f orders/s created (201)\n", summary.requests, seconds, created / seconds))
  io.write(string.format("latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("failed %d (connect %d, read %d, write %d, timeout %d%s)\n", failed,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    #other > 0 and ("; " .. table.concat(other, ", ")) or ""))
  io.write(string.format("RESULT created=%d seconds=%.2f rate=%.1f p50_ms=%.2f p99_ms=%.2f failed=%d\n",
    created, seconds, created / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000, failed))
end
