#!/usr/bin/env bash
# Webhook delivery, measured against a fresh server of its own (port offset 300: http 8380) and the
# test suite's loopback receiver, which checks every signature with the npm package standardwebhooks.
#
#   bench/webhooks.sh throughput [N]        N events (default 10,000) queued while the dispatcher is
#                                           paused, then delivered: sustained signed deliveries/s
#   bench/webhooks.sh fault [N] [KILLS]     N events delivered while the server JVM is killed with
#                                           SIGKILL KILLS times (default 4) and restarted; checks that
#                                           the receiver got every event and reports the duplicate rate
#
# Needs the built EAR and prepared server (mvn -B -pl ear -am package -DskipTests), Node.js and npm.
set -euo pipefail
mode=${1:?usage: bench/webhooks.sh throughput|fault [N] [KILLS]}
n=${2:-10000}
kills=${3:-4}
receiver_port=9777
run=$(date +%s)
source "$(dirname "$0")/lib/server.sh"
work=${BENCH_DIR:-/tmp/agentry-webhooks-bench}
rm -rf "$work" && mkdir -p "$work"
cp -r "$bench_root/ear/src/test/webhook-receiver" "$work/receiver"
(cd "$work/receiver" && npm ci --no-audit --no-fund --silent)

node "$work/receiver/receiver.js" "$receiver_port" > "$work/receiver.log" 2>&1 &
receiver_pid=$!
bench_cleanups+=("kill $receiver_pid")

# The first start makes the base directory; later ones reuse it (the outbox survives a kill).
started=
start_server() { # extra system properties
    if [ -z "$started" ]; then
        started=1
        bench_server_start webhooks 300 -Dagentry.webhooks.allowed-ranges=127.0.0.1/32 "$@"
    else
        bench_server_restart -Dagentry.webhooks.allowed-ranges=127.0.0.1/32 "$@"
    fi
}
kill_server() { bench_server_kill; }
field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }
number() { sed -E "s/.*\"$1\":([0-9]+).*/\1/"; }
summary() { curl -sf "http://127.0.0.1:$receiver_port/_summary/bench"; }

import_events() {
    local credential token file location status
    credential="$work/base/data/agentry/bootstrap-credential.json"
    token=$(curl -sf -u "$(field client_id < "$credential"):$(field client_secret < "$credential")" \
        -d grant_type=client_credentials "$base/api/v1/auth/token" | field access_token)
    H="Authorization: Bearer $token"
    secret=$(curl -sf -H "$H" -H 'Content-Type: application/json' "$base/api/v1/webhooks/subscriptions" \
        -d "{\"url\":\"http://127.0.0.1:$receiver_port/hooks/bench${1:-}\",\"events\":[\"tag.created\"]}" |
        field secret)
    curl -sf -X PUT "http://127.0.0.1:$receiver_port/_secrets/bench" -d "{\"secrets\":[\"$secret\"]}"
    file="$work/events.jsonl"
    seq 1 "$n" | awk -v run="$run" '{printf "{\"collection\":\"tags\",\"name\":\"Bench %d\",\"slug\":\"bench-%s-%d\"}\n", $1, run, $1}' > "$file"
    location=$(curl -sf -D - -o /dev/null -H "$H" -H 'Content-Type: application/x-ndjson' \
        --data-binary @"$file" "$base/api/v1/imports" | awk -F': ' 'tolower($1)=="location" {print $2}' | tr -d '\r')
    local started=$SECONDS
    while :; do
        status=$(curl -sf -H "$H" "$location" | field status)
        [ "$status" = COMPLETED ] && break
        [ "$status" = STARTING ] || [ "$status" = STARTED ] || { echo "import $status" >&2; exit 1; }
        sleep 0.5
    done
    echo "imported $n records with their events in $((SECONDS - started)) s"
}

await_sequenced() { # the imported changes placed in the feed, so sequencing them does not compete later
    local seen=0 cursor="" page
    while :; do
        page=$(curl -sf -H "$H" "$base/api/v1/changes?types=tags&limit=200${cursor:+&cursor=$cursor}")
        seen=$((seen + $(echo "$page" | grep -o '"resourceType":"tags"' | wc -l)))
        cursor=$(echo "$page" | sed -nE 's/.*"nextCursor":"([^"]+)".*/\1/p')
        if ! echo "$page" | grep -q '"hasMore":true'; then
            [ "$seen" -ge "$n" ] && return
            sleep 1   # the rest is not sequenced yet; walk on from here
        fi
    done
}

# The server JVM's CPU time in ms: on a machine shared with other work the rate says little alone;
# CPU per delivery says more.
server_cpu() { echo $(($(bench_cpu_ticks "$(bench_server_pid)") * 1000 / $(getconf CLK_TCK))); }

await_all() { # timeout seconds; notes the server's CPU at the first delivery seen
    local deadline=$((SECONDS + $1)) seen
    cpu_at_first=
    while seen=$(summary | number distinctIds) && [ "$seen" -lt "$n" ]; do
        if [ -z "$cpu_at_first" ] && [ "$seen" -gt 0 ]; then
            cpu_at_first=$(server_cpu) seen_at_first=$seen
        fi
        [ $SECONDS -lt $deadline ] || { echo "timed out: $(summary)" >&2; return 1; }
        sleep 0.2
    done
}

case "$mode" in
throughput)
    start_server -Dagentry.webhooks.dispatch-interval=PT1H   # paused: events queue in the outbox
    import_events
    await_sequenced
    kill_server   # nothing is lost by stopping now: the outbox is in the database
    started=$(date +%s%3N)
    start_server ${BENCH_SERVER_OPTS:-}
    await_all 600
    s=$(summary)
    first=$(echo "$s" | number first)
    last=$(echo "$s" | number last)
    echo "first delivery $((first - started)) ms after the restart began (server start included)"
    middle=$(echo "$s" | number middle)
    echo "delivered $n signed events in $((last - first)) ms: $(( n * 1000 / (last - first > 0 ? last - first : 1) )) deliveries/s"
    echo "second half (JIT warm): $(( (n - n / 2) * 1000 / (last - middle > 0 ? last - middle : 1) )) deliveries/s"
    echo "receiver: $s"
    if [ -n "$cpu_at_first" ]; then
        cpu=$(($(server_cpu) - cpu_at_first))
        echo "server CPU from the first $seen_at_first deliveries on: $cpu ms," \
            "$(awk -v c="$cpu" -v d=$((n - seen_at_first)) 'BEGIN {printf "%.2f", c / d}') ms per delivery"
    fi
    pid=$(pgrep -f "jboss.server.base.dir=$work/base" | tail -1)
    jcmd "$pid" GC.heap_info 2>/dev/null | awk '/heap/ {print "server heap after: " $0; exit}' || true
    # BENCH_JVM_OPTS=-XX:StartFlightRecording=settings=default records the drain; it is kept here:
    if [[ "${BENCH_JVM_OPTS:-}" == *StartFlightRecording* ]]; then
        jcmd "$pid" JFR.dump filename="$work/drain.jfr" > /dev/null && echo "flight recording: $work/drain.jfr"
    fi
    ;;
fault)
    start_server ${BENCH_SERVER_OPTS:-}
    import_events "?delayMs=15"
    for k in $(seq 1 "$kills"); do
        sleep "$(awk -v r=$RANDOM 'BEGIN {printf "%.1f", 1 + r % 40 / 10}')"
        echo "kill $k: SIGKILL with $(summary | number distinctIds) of $n delivered"
        kill_server
        start_server ${BENCH_SERVER_OPTS:-}
    done
    await_all 900
    curl -sf "http://127.0.0.1:$receiver_port/_ids/bench" > "$work/ids.txt"
    s=$(summary)
    distinct=$(awk '{print $1}' "$work/ids.txt" | sort -u | wc -l)
    slugs=$(awk '{print $2}' "$work/ids.txt" | sort -u | wc -l)
    expected=$(seq 1 "$n" | sed "s/^/bench-$run-/" | sort)
    missing=$(comm -23 <(echo "$expected") <(awk '{print $2}' "$work/ids.txt" | sort -u) | wc -l)
    deliveries=$(echo "$s" | number deliveries)
    echo "events: $n; distinct webhook-ids received: $distinct; distinct records: $slugs; missing: $missing"
    echo "deliveries: $deliveries; duplicates: $((deliveries - distinct))" \
        "($(awk -v d=$((deliveries - distinct)) -v t="$distinct" 'BEGIN {printf "%.2f", 100 * d / t}') %)"
    echo "unverified by standardwebhooks: $(echo "$s" | number unverified)"
    [ "$missing" -eq 0 ] && [ "$distinct" -eq "$n" ] || { echo "LOST EVENTS" >&2; exit 1; }
    echo "nothing lost"
    ;;
*)
    echo "usage: bench/webhooks.sh throughput|fault [N] [KILLS]" >&2
    exit 2
    ;;
esac
