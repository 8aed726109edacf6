-- bench/serve_count.lua - wrk hooks for bench/serve.sh: counts non-2xx
-- answers (wrk itself only counts status >= 400, in its summary) and 2xx
-- answers whose body check_body() rejects (when a script defines it), per
-- thread, and prints one line the benchmark parses:
--   RESULT requests duration_s req_per_s p50_ms p99_ms max_ms non2xx socket_errors bad_bodies
-- socket_errors = connect + read + write + timeout.  The first few odd
-- answers go to stderr.  Used as is for GETs; bench/serve_post.lua loads it.
local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   non2xx, bad, shown = 0, 0, 0
end

local function show(what, status, body)
   if shown < 3 then
      shown = shown + 1
      io.stderr:write(string.format("wrk: %s: %d %s\n", what, status, (body or ""):sub(1, 300)))
   end
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
      show("non-2xx", status, body)
   elseif check_body and not check_body(body) then
      bad = bad + 1
      show("unexpected body", status, body)
   end
end

function done(summary, latency, requests)
   local non, badb = 0, 0
   for _, t in ipairs(threads) do
      non = non + (t:get("non2xx") or 0)
      badb = badb + (t:get("bad") or 0)
   end
   local e = summary.errors
   local secs = summary.duration / 1e6
   io.write(string.format("RESULT %d %.3f %.3f %.3f %.3f %.3f %d %d %d\n", summary.requests, secs,
      secs > 0 and summary.requests / secs or 0, latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, non,
      e.connect + e.read + e.write + e.timeout, badb))
end
