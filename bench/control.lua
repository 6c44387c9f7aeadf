-- wrk script for bench/control.sh: every request executes tag.create with a fresh Idempotency-Key
-- and a fresh slug, so each is a real governed execution (never a replay). BENCH_TOKEN and BENCH_RUN
-- come from the environment; each wrk thread numbers its own requests.
local threads = 0

function setup(thread)
    thread:set("thread", threads)
    threads = threads + 1
end

function init(args)
    token = os.getenv("BENCH_TOKEN")
    run = os.getenv("BENCH_RUN")
    sent = 0
end

function request()
    sent = sent + 1
    local key = "b" .. run .. "-t" .. thread .. "-" .. sent
    local body = '{"action":"tag.create","input":{"name":"Bench ' .. key .. '","slug":"' .. key .. '"}}'
    return wrk.format("POST", "/api/v1/control/actions/execute", {
        ["Authorization"] = "Bearer " .. token,
        ["Content-Type"] = "application/json",
        ["Idempotency-Key"] = key,
    }, body)
end
