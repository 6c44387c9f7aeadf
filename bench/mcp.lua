-- wrk script for bench/mcp.sh: one collection page the REST way or the MCP way, same credential.
--   BENCH_MODE=rest  GET BENCH_PATH                              (the REST route)
--   BENCH_MODE=mcp   POST /api/v1/mcp tools/call BENCH_TOOL {limit} (in the session BENCH_SESSION)
-- Both check every answer is a real page (status 200, "count":LIMIT,; for MCP also ending in
-- "isError":false}}) and done() prints "checked <ok> <bad>" summed over the threads, so a run of errors
-- cannot pass for speed.
--
-- wrk shares the machine's two cores with the server, so the client's own cost per request is kept small
-- and alike for both modes (bench/mcp.sh prints it): plain finds, never a Lua pattern (which tried a match
-- at every byte of the MCP answer's escaped text and cost the client 40 us an MCP request more), and the MCP
-- request built once with a fixed-width id that each request overwrites.
local threads = {}

function setup(thread)
    table.insert(threads, thread)
    thread:set("thread", #threads)
end

function init(args)
    mode = os.getenv("BENCH_MODE")
    token = os.getenv("BENCH_TOKEN")
    limit = os.getenv("BENCH_LIMIT")
    ok, bad, sent = 0, 0, 0
    -- "count":20 followed by , (never 200); the MCP text content's copy is escaped (\"count\":) and not found
    page = '"count":' .. limit .. ','
    tail = '"isError":false}}'
    if mode == "mcp" then
        headers = {
            ["Authorization"] = "Bearer " .. token,
            ["Content-Type"] = "application/json",
            ["Accept"] = "application/json, text/event-stream",
            ["Mcp-Session-Id"] = os.getenv("BENCH_SESSION"),
            ["MCP-Protocol-Version"] = os.getenv("BENCH_PROTOCOL"),
        }
        -- JSON-RPC ids unique in the session: the thread's number, then its count of requests
        local template = wrk.format("POST", "/api/v1/mcp", headers, '{"jsonrpc":"2.0","id":"' .. thread
            .. '-@@@@@@@@@@@@","method":"tools/call","params":{"name":"' .. os.getenv("BENCH_TOOL")
            .. '","arguments":{"limit":' .. limit .. '}}}')
        local at = template:find("@@@@@@@@@@@@", 1, true)
        before, after = template:sub(1, at - 1), template:sub(at + 12)
    else
        rest = wrk.format("GET", os.getenv("BENCH_PATH"), { ["Authorization"] = "Bearer " .. token })
    end
end

function request()
    if mode ~= "mcp" then
        return rest
    end
    sent = sent + 1
    return before .. string.format("%012d", sent) .. after
end

function response(status, headers, body)
    if status == 200 and body:find(page, 1, true) and (mode ~= "mcp" or body:sub(-#tail) == tail) then
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
