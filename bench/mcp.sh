#!/usr/bin/env bash
# A collection page through MCP against the same page through REST, on one server in one run:
#   rest  GET  /api/v1/entries?limit=20                                   (the REST route)
#   mcp   POST /api/v1/mcp  tools/call entries.list {"limit":20}         (one session, initialised first)
# Same credential (entries:read), same connections and duration, wrk for both (bench/mcp.lua, which checks
# every answer is a real page of 20 and, for MCP, "isError":false). A warm-up alternating both, then rounds
# alternating REST and MCP so both see the same machine; it prints req/s, p50 and p99 of each round, the
# CPU microseconds a request of the server and of wrk, and the ratio MCP/REST. The catalog is the bundled
# demo (321 entries), imported through the API.
#
# Starts a server of its own (port offset 620: http 8700) on H2.
#   bench/mcp.sh [--quick] [seconds] [rounds] [connections]     (defaults 10, 5 and 32; warm-up 2 x 30 s each)
# --quick runs one round of 3 s after a 2 s warm-up: to see that it works, not to measure.
# BENCH_PROFILE=1 records the measured rounds with JFR (settings=profile, started after the warm-up by
# jcmd) into $work/mcp.jfr.
set -euo pipefail
quick=false
if [ "${1:-}" = --quick ]; then quick=true; shift; fi
seconds=${1:-10}
rounds=${2:-5}
connections=${3:-32}
warmup=30
if $quick; then seconds=3; rounds=1; warmup=2; fi
limit=20
collection=entries
protocol=2025-06-18
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

source "$(dirname "$0")/lib/server.sh"
# JFR keeps 64 frames a stack by default: too few to see which request a sample of a Hibernate query served.
[ -n "${BENCH_PROFILE:-}" ] && BENCH_JVM_OPTS="${BENCH_JVM_OPTS:-} -XX:FlightRecorderOptions:stackdepth=1024"
bench_server_start mcp 620
json() { python3 -c 'import json, sys; print(eval("json.load(sys.stdin)" + sys.argv[1]))' "$1"; }

# The demo catalog, imported as any client would.
admin=$(bench_admin_token)
dataset=$bench_root/ejb-core/src/main/resources/dev/agentry/core/catalog/demo-catalog.jsonl
import=$(curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/x-ndjson' \
    --data-binary @"$dataset" "$base/api/v1/imports" | json '["execution"]["executionId"]')
for _ in $(seq 1 240); do
    status=$(curl -sf -H "Authorization: Bearer $admin" "$base/api/v1/imports/$import" | json '["execution"]["status"]')
    [ "$status" = COMPLETED ] && break
    [ "$status" = STARTING ] || [ "$status" = STARTED ] || { echo "import $status" >&2; exit 1; }
    sleep 0.5
done
[ "$status" = COMPLETED ] || { echo "the demo import did not finish in 120 s" >&2; exit 1; }

read -r client secret <<<"$(bench_credential bench-mcp "$collection:read")"
token=$(bench_token "$client" "$secret")
mcp() { # [curl args] -> the answer; one JSON-RPC message per POST
    curl -sf -X POST "$base/api/v1/mcp" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -H 'Accept: application/json, text/event-stream' "$@"
}
session=$(mcp -D - -o /dev/null -d '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"'$protocol'","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}' \
    | tr -d '\r' | awk -F': ' 'tolower($1) == "mcp-session-id" {print $2}')
[ -n "$session" ] || { echo "initialize answered no Mcp-Session-Id" >&2; exit 1; }
[ "$(mcp -H "Mcp-Session-Id: $session" -H "MCP-Protocol-Version: $protocol" -o /dev/null -w '%{http_code}' \
    -d '{"jsonrpc":"2.0","method":"notifications/initialized"}')" = 202 ] || { echo "notifications/initialized refused" >&2; exit 1; }

check() { # the MCP page is the REST page: same structuredContent, a real result, 20 records
    local rest call
    rest=$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/$collection?limit=$limit")
    call=$(mcp -H "Mcp-Session-Id: $session" -H "MCP-Protocol-Version: $protocol" \
        -d '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"'$collection'.list","arguments":{"limit":'$limit'}}}')
    python3 - "$rest" "$call" "$limit" <<'PY' || { echo "the MCP answer is not the REST page ($1)" >&2; exit 1; }
import json, sys
rest, call, limit = json.loads(sys.argv[1]), json.loads(sys.argv[2])["result"], int(sys.argv[3])
assert call["isError"] is False, call
assert call["structuredContent"] == rest, "structuredContent differs from the REST body"
assert json.loads(call["content"][0]["text"]) == rest, "text content differs from the REST body"
assert rest["count"] == limit and len(rest["data"]) == limit, rest["count"]
PY
}
check before

ms() { # wrk's latency (850.00us, 12.34ms, 1.02s) in ms
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
measure() { # mode seconds -> "req/s p50 p99 checked wrk-us server-us"; fails unless every answer was a real page
    local out checked cpu before
    # wrk shares the two cores with the server: its own CPU per request is printed so a client that costs
    # one mode more than the other cannot pass for the server's difference, and the server's CPU per
    # request, which the machine's noise moves far less than the rate
    before=$(bench_cpu_ticks "$(bench_server_pid)")
    out=$(BENCH_MODE=$1 BENCH_TOKEN=$token BENCH_LIMIT=$limit BENCH_PATH="/api/v1/$collection?limit=$limit" \
        BENCH_TOOL=$collection.list BENCH_SESSION=$session BENCH_PROTOCOL=$protocol \
        /usr/bin/time -f 'cpu %U %S' -o "$work/wrk.time" wrk -t2 -c"$connections" -d"$2s" --timeout 10s --latency -s "$(dirname "$0")/mcp.lua" "$base")
    # wrk counts no latency for a request it gave up on: a slow answer must count, not vanish
    if grep -q 'Socket errors' <<<"$out"; then
        echo "$1: $(grep 'Socket errors' <<<"$out")" >&2
    fi
    checked=$(awk '$1 == "checked" {print $2, $3}' <<<"$out")
    if [ "${checked#* }" != 0 ] || [ "${checked% *}" = 0 ] || grep -q 'Non-2xx' <<<"$out"; then
        echo "$1: answers that are not a page (checked: ok bad = $checked):" >&2; echo "$out" >&2; exit 1
    fi
    cpu=$(awk '$1 == "cpu" {print $2 + $3}' "$work/wrk.time")
    echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")" \
        "$(ms "$(awk '$1 == "99%" {print $2}' <<<"$out")") ${checked% *}" \
        "$(awk -v c="$cpu" -v n="${checked% *}" 'BEGIN { printf "%.0f", c * 1e6 / n }')" \
        "$(bench_us_each "$before" "$(bench_cpu_ticks "$(bench_server_pid)")" "${checked% *}")"
}

# Twice each, alternating: after one 30 s pass the JIT was still compiling, and the server's CPU per request
# fell by a quarter (REST) to two fifths (MCP) from the first measured round to the third.
echo "warming up (2 x ${warmup}s each)"
for _ in 1 2; do
    measure rest "$warmup" >/dev/null
    measure mcp "$warmup" >/dev/null
done
if [ -n "${BENCH_PROFILE:-}" ]; then
    jcmd "$(bench_server_pid)" JFR.start name=measured settings=profile > /dev/null
fi

# us/req: CPU microseconds a request of the server JVM (srv) and of wrk (wrk)
printf '%-6s %10s %7s %7s %4s %4s   %10s %7s %7s %4s %4s   %7s\n' round rest-req/s p50-ms p99-ms srv wrk \
    mcp-req/s p50-ms p99-ms srv wrk mcp/rest
rest_sum=0
mcp_sum=0
for round in $(seq 1 "$rounds"); do
    # assigned first: a failed measure inside a here-string would not stop the script (set -e)
    rest_out=$(measure rest "$seconds")
    mcp_out=$(measure mcp "$seconds")
    read -r r_rate r_p50 r_p99 _ r_client r_server <<<"$rest_out"
    read -r m_rate m_p50 m_p99 _ m_client m_server <<<"$mcp_out"
    rest_sum=$(echo "$rest_sum + $r_rate" | bc -l)
    mcp_sum=$(echo "$mcp_sum + $m_rate" | bc -l)
    printf '%-6s %10.1f %7s %7s %4s %4s   %10.1f %7s %7s %4s %4s   %6.2fx\n' "$round" "$r_rate" "$r_p50" "$r_p99" \
        "$r_server" "$r_client" "$m_rate" "$m_p50" "$m_p99" "$m_server" "$m_client" "$(echo "$m_rate / $r_rate" | bc -l)"
done
printf '%-6s %10.1f %7s %7s %4s %4s   %10.1f %7s %7s %4s %4s   %6.2fx\n' mean "$(echo "$rest_sum / $rounds" | bc -l)" \
    "" "" "" "" "$(echo "$mcp_sum / $rounds" | bc -l)" "" "" "" "" "$(echo "$mcp_sum / $rest_sum" | bc -l)"
if [ -n "${BENCH_PROFILE:-}" ]; then
    jcmd "$(bench_server_pid)" JFR.dump name=measured filename="$work/mcp.jfr" > /dev/null
    echo "flight recording of the measured rounds: $work/mcp.jfr"
fi
check after
echo "MCP answers checked against the REST page before and after; every answer in every round was a page of $limit"
