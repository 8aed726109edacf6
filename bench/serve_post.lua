-- bench/serve_post.lua - wrk script of bench/serve.sh: POSTs the JSON body in
-- the file $BENCH_BODY_FILE (to /v1/submissions?wait=true: the URL is wrk's)
-- and counts, besides non-2xx answers, 2xx answers that are not a finished
-- AC job (e.g. a 202 after --max-wait): see bench/serve_count.lua.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or os.getenv("BENCH_LUA_DIR") or "./"
dofile(dir .. "serve_count.lua")

local f = assert(io.open(assert(os.getenv("BENCH_BODY_FILE"), "BENCH_BODY_FILE not set"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"

function check_body(body)
   return body:find('"status":"done"', 1, true) ~= nil and body:find('"verdict":"AC"', 1, true) ~= nil
end
