-- wrk script for bench/mcp.sh: one collection page the REST way or the MCP way, same credential.
--   BENCH_MODE=rest  GET BENCH_PATH                              (the REST route)
--   BENCH_MODE=mcp   POST /api/v1/mcp tools/call BENCH_TOOL {limit} (in the session BENCH_SESSION)
-- Both check every answer is a real page (status 200, "count":LIMIT; for MCP also "isError":false) and
-- done() prints "checked <ok> <bad>" summed over the threads, so a run of errors cannot pass for speed.
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    mode = os.getenv("BENCH_MODE")
    token = os.getenv("BENCH_TOKEN")
    limit = os.getenv("BENCH_LIMIT")
    ok, bad, sent = 0, 0, 0
    -- "count":20 followed by , or } (never 200)
    page = '"count":' .. limit .. '[,}]'
    if mode == "mcp" then
        headers = {
            ["Authorization"] = "Bearer " .. token,
            ["Content-Type"] = "application/json",
            ["Accept"] = "application/json, text/event-stream",
            ["Mcp-Session-Id"] = os.getenv("BENCH_SESSION"),
            ["MCP-Protocol-Version"] = os.getenv("BENCH_PROTOCOL"),
        }
        call = '","method":"tools/call","params":{"name":"' .. os.getenv("BENCH_TOOL")
            .. '","arguments":{"limit":' .. limit .. '}}}'
    else
        rest = wrk.format("GET", os.getenv("BENCH_PATH"), { ["Authorization"] = "Bearer " .. token })
    end
end

function request()
    if mode ~= "mcp" then
        return rest
    end
    sent = sent + 1
    return wrk.format("POST", "/api/v1/mcp", headers, '{"jsonrpc":"2.0","id":"' .. sent .. call)
end

function response(status, headers, body)
    if status == 200 and body:find(page) and (mode ~= "mcp" or body:find('"isError":false', 1, true)) then
        ok = ok + 1
    else
        bad = bad + 1
    end
end

function done(summary, latency, requests)
    local good, wrong = 0, 0
    for _, thread in ipairs(threads) do
        good = good + thread:get("ok")
        wrong = wrong + thread:get("bad")
    end
    io.write(string.format("checked %d %d\n", good, wrong))
end
