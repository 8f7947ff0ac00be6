-- wrk script: POSTs the benchmark request and checks every response.
-- Each distinct 200 body is a "variant": counted, and written once to BENCH_VARIANTS_DIR
-- so that loadgen.py can compare it with the expected response as JSON. A response thus
-- counts as good only if its exact bytes are those of a variant that passed that check.
-- Environment: BENCH_BODY_FILE, BENCH_VARIANTS_DIR, BENCH_SUMMARY_FILE, BENCH_MAX_REQUESTS.

local function read_file(path)
  local file = assert(io.open(path, "rb"))
  local text = file:read("*a")
  file:close()
  return text
end

local variants_dir = os.getenv("BENCH_VARIANTS_DIR")
local max_variants = 16

wrk.method = "POST"
wrk.body = read_file(os.getenv("BENCH_BODY_FILE"))
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json, application/json"

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
  table.insert(threads, thread)
end

-- Per-thread state (each wrk thread has its own Lua state).
budget = 0
responses = 0
non_200 = 0
unverified = 0
first_non_200 = nil
variant_counts = {}
local variant_of = {}
local variant_total = 0

function init(args)
  local total = tonumber(os.getenv("BENCH_MAX_REQUESTS")) or 1000000000
  budget = math.ceil(total / (tonumber(os.getenv("BENCH_THREADS")) or 1))
end

function response(status, headers, body)
  responses = responses + 1
  if status ~= 200 then
    non_200 = non_200 + 1
    if first_non_200 == nil then
      first_non_200 = "HTTP " .. status .. ": " .. string.sub(body or "", 1, 300)
    end
  else
    local index = variant_of[body]
    if index == nil and variant_total < max_variants then
      variant_total = variant_total + 1
      index = variant_total
      variant_of[body] = index
      variant_counts[index] = 0
      local file = assert(io.open(variants_dir .. "/" .. thread_id .. "-" .. index .. ".body", "wb"))
      file:write(body)
      file:close()
    end
    if index == nil then
      unverified = unverified + 1
    else
      variant_counts[index] = variant_counts[index] + 1
    end
  end
  if responses >= budget then
    wrk.thread:stop()
  end
end

local function json_string(value)
  if value == nil then return "null" end
  return '"' .. value:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

function done(summary, latency, requests)
  local parts = {}
  for _, thread in ipairs(threads) do
    local counts = {}
    for index, count in pairs(thread:get("variant_counts")) do
      table.insert(counts, '"' .. thread:get("thread_id") .. "-" .. index .. '":' .. count)
    end
    table.insert(parts, string.format(
      '{"responses":%d,"non_200":%d,"unverified":%d,"first_non_200":%s,"variants":{%s}}',
      thread:get("responses"), thread:get("non_200"), thread:get("unverified"),
      json_string(thread:get("first_non_200")), table.concat(counts, ",")))
  end
  local errors = summary.errors
  local file = assert(io.open(os.getenv("BENCH_SUMMARY_FILE"), "w"))
  file:write(string.format(
    '{"duration_us":%d,"requests":%d,"bytes":%d,' ..
    '"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},"status_errors":%d,' ..
    '"latency_us":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%f},"threads":[%s]}\n',
    summary.duration, summary.requests, summary.bytes,
    errors.connect, errors.read, errors.write, errors.timeout, errors.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    latency.mean, table.concat(parts, ",")))
  file:close()
end
