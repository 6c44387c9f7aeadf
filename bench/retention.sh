#!/usr/bin/env bash
# Retention at scale (issue: batch operations): CHANGES change records and DELIVERIES delivered webhook
# deliveries (one attempt each) past their horizon, plus a week of recent changes that must stay, in a
# throwaway PostgreSQL cluster (port 5545) behind a server of its own (port offset 580: http 8660).
# Measures, for one run of the `retention` job started through the API:
#   - rows purged per second (per step, from the job repository's step metrics, and overall)
#   - the longest transaction of the server's connections while the job runs (pg_stat_activity's
#     xact_start, sampled every 100 ms; the goal is none over 2 s)
#   - GET /api/v1/changes?limit=100 latency (wrk, 4 connections) idle before the job, and during it in
#     10 s slices until it ends (the goal: p99 during the purge within 2x of idle)
#
#   bench/retention.sh [CHANGES] [DELIVERIES]       defaults 1000000 and 100000
#
# Needs the built EAR and provisioned server, Debian's postgresql package, wrk and python3.
set -euo pipefail
changes=${1:-1000000}
deliveries=${2:-100000}
command -v wrk > /dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
source "$(dirname "$0")/lib/server.sh"
work=${BENCH_DIR:-/tmp/agentry-retention-bench}
rm -rf "$work" && mkdir -p "$work"
bench_postgres 5545
# The job runs only when started here; horizons of a week for changes and deliveries.
bench_server_start retention 580 -Dagentry.jobs.retention.schedule=off -Dagentry.jobs.sync-state.schedule=off \
    -Dagentry.jobs.credential-reminders.schedule=off -Dagentry.retention.changes=P7D \
    -Dagentry.retention.deliveries=P7D -Dagentry.retention.webhook-events=P7D -Dagentry.webhooks.allowed-ranges=127.0.0.1/32
admin=$(bench_admin_token)
H="Authorization: Bearer $admin"

# A subscription for the seeded deliveries to belong to (created through the API, so its row is real).
curl -sf -o /dev/null -H "$H" -H 'Content-Type: application/json' "$base/api/v1/webhooks/subscriptions" \
    -d '{"url":"http://127.0.0.1:9/bench","events":["entry.updated"],"description":"retention bench"}'
subscription=$(psql "$PGURL" -Atc "select id from webhook_subscription order by id limit 1")

echo "seeding $changes expired changes, 10,000 recent ones and $deliveries expired deliveries"
start=$(date +%s)
psql "$PGURL" -q -v changes="$changes" -v deliveries="$deliveries" -v sub="$subscription" <<'SQL'
INSERT INTO change_record (id, position, resource_type, resource_id, action, version, changed_at, snapshot)
SELECT 2000000000000 + g, (SELECT coalesce(max(position), 0) FROM change_record) + g, 'entries', md5(g::text),
       'update', 1, now() - interval '30 days' + g * interval '1 millisecond',
       json_build_object('id', g, 'title', 'Benchmark entry ' || g, 'status', 'live')::text
FROM generate_series(1, :changes) AS g;
INSERT INTO change_record (id, position, resource_type, resource_id, action, version, changed_at, snapshot)
SELECT 3000000000000 + g, (SELECT max(position) FROM change_record) + g, 'entries', md5(g::text),
       'update', 2, now() - interval '1 day', json_build_object('id', g, 'title', 'Recent entry ' || g)::text
FROM generate_series(1, 10000) AS g;
INSERT INTO webhook_event (id, event_id, type, occurred_at, payload, routed, target_subscription)
SELECT 4000000000000 + g, 'msg_bench' || g, 'entry.updated', now() - interval '30 days', '{"bench":true}', true, NULL
FROM generate_series(1, :deliveries) AS g;
INSERT INTO webhook_delivery (id, event_ref, subscription_id, status, attempts, created_at, updated_at, version)
SELECT 4000000000000 + g, 4000000000000 + g, :sub, 'succeeded', 1, now() - interval '30 days',
       now() - interval '30 days', 0
FROM generate_series(1, :deliveries) AS g;
INSERT INTO webhook_attempt (id, delivery_id, attempt_number, attempted_at, status_code, latency_ms, outcome)
SELECT 4000000000000 + g, 4000000000000 + g, 1, now() - interval '30 days', 204, 12, 'delivered'
FROM generate_series(1, :deliveries) AS g;
ANALYZE;
SQL
echo "seeded in $(($(date +%s) - start)) s"

latency() { # label seconds -> prints the label, p50, p99 and requests/s
    local out
    out=$(wrk -t1 -c4 -d"$2s" --latency -H "$H" "$base/api/v1/changes?limit=100")
    if grep -q 'Non-2xx' <<< "$out"; then echo "non-2xx answers from /changes: $out" >&2; exit 1; fi
    printf '%-22s p50 %8s  p99 %8s  %8s req/s\n' "$1" \
        "$(awk '$1 == "50%" {print $2}' <<< "$out")" "$(awk '$1 == "99%" {print $2}' <<< "$out")" \
        "$(awk '/Requests\/sec/ {print $2}' <<< "$out")"
}
latency "warm-up" 5 > /dev/null
latency "GET /changes idle" 15

# The longest open transaction of the server's connections, sampled while the job runs.
sampler() {
    local longest=0 now
    while [ ! -f "$work/job-done" ]; do
        now=$(psql "$PGURL" -Atc "select coalesce(max(extract(epoch from clock_timestamp() - xact_start)), 0)
            from pg_stat_activity where datname = 'agentry' and pid <> pg_backend_pid() and xact_start is not null
            and application_name <> 'psql'")
        longest=$(python3 -c "print(max($longest, $now))")
        sleep 0.1
    done
    echo "$longest" > "$work/longest-transaction"
}
sampler &

execution=$(curl -sf -H "$H" -H 'Content-Type: application/json' -d '{}' "$base/api/v1/jobs/retention/start" \
    | sed -E 's/.*"executionId":([0-9]+).*/\1/')
( while :; do
    status=$(curl -sf -H "$H" "$base/api/v1/jobs/executions/$execution" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["execution"]["status"])')
    case $status in COMPLETED | FAILED | STOPPED | ABANDONED) break ;; esac
    sleep 0.2
done; touch "$work/job-done" ) &
slice=1
while [ ! -f "$work/job-done" ]; do
    latency "GET /changes purging $slice" 10
    slice=$((slice + 1))
done
wait
curl -sf -H "$H" "$base/api/v1/jobs/executions/$execution" > "$work/execution.json"
python3 - "$work/execution.json" "$(cat "$work/longest-transaction")" <<'PY'
import json, sys
from datetime import datetime
detail = json.load(open(sys.argv[1]))
longest = float(sys.argv[2])
when = lambda text: datetime.fromisoformat(text.replace("Z", "+00:00"))
execution = detail["execution"]
elapsed = int((when(execution["endedAt"]) - when(execution["startedAt"])).total_seconds() * 1000)
print("job %s in %d ms (every step, the audit record included)" % (execution["status"], elapsed))
total = 0
for step in detail["steps"]:
    if step["written"]:
        ms = step["durationMillis"] or 1
        total += step["written"]
        print("  %-16s %9d rows %7d ms %9.0f rows/s %5d commits" % (
            step["name"], step["written"], ms, step["written"] * 1000 / ms, step["commits"]))
print("  %-16s %9d rows %7d ms %9.0f rows/s" % ("all", total, elapsed, total * 1000 / elapsed))
print("longest transaction of the server while purging: %.2f s" % longest)
PY
psql "$PGURL" -Atc "select 'left: ' || count(*) || ' change records, purged through position '
    || (select purged_through from change_feed_state) from change_record"
