-- Saves a different item of an evaluator's worklist as a draft on every request (docs/performance.md).
-- Environment: TENDER (id), EVALUATOR (such as e01), COOKIE (the signed-in cookies), TOKEN (the score
-- page's antiforgery token), ITEMS (a file of "bid question" lines from the worklist), OFFSET (where in
-- ITEMS to start, so that a second run saves items the first did not).
local items = {}
for line in io.lines(os.getenv("ITEMS")) do
  local bid, q = line:match("(%S+) (%S+)")
  table.insert(items, {bid, q})
end
local threads = 0
function setup(thread)
  thread:set("offset", tonumber(os.getenv("OFFSET") or "0") + threads * 1500)
  threads = threads + 1
end
local counter = 0
request = function()
  counter = counter + 1
  local item = items[((offset + counter - 1) % #items) + 1]
  local path = "/tenders/" .. os.getenv("TENDER") .. "/evaluate/score?evaluator=" .. os.getenv("EVALUATOR") .. "&bid=" .. item[1] .. "&question=" .. item[2]
  local body = "Input.Score=3&Input.Rationale=Clear+answer+with+evidence.&Input.Version=&__RequestVerificationToken=" .. os.getenv("TOKEN")
  return wrk.format("POST", path, {["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = os.getenv("COOKIE")}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors(status) %d, rps %.1f, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, summary.errors.status, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
