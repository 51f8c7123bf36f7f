-- wrk script for scripts/load-mock: mixed reads and writes against apigen-mock. Per 8 requests: 4 list pages
-- (with a filter), 2 reads by ID, 1 create, 1 update. Every non-2xx answer is counted and printed at the end.
local auth = "Basic " .. os.getenv("MOCK_AUTH")
local stack = os.getenv("MOCK_STACK")
local counter = 0
local failures = 0

request = function()
  counter = counter + 1
  local kind = counter % 8
  local headers = { ["Authorization"] = auth, ["Content-Type"] = "application/json" }
  if kind < 4 then
    return wrk.format("GET", "/v2-beta/stacks?name_prefix=load&limit=20", headers)
  elseif kind < 6 then
    return wrk.format("GET", "/v2-beta/stacks/" .. stack, headers)
  elseif kind == 6 then
    return wrk.format("POST", "/v2-beta/stacks", headers, '{"name":"load-' .. counter .. '","description":"wrk"}')
  else
    return wrk.format("PUT", "/v2-beta/stacks/" .. stack, headers, '{"description":"update ' .. counter .. '"}')
  end
end

response = function(status, headers, body)
  if status >= 300 then failures = failures + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors (non-2xx) %d, socket errors %d\n", summary.requests,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("throughput %.0f requests/s, p50 %.2f ms, p99 %.2f ms\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
