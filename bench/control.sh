#!/usr/bin/env bash
# Governed executions per second: POST /api/v1/control/actions/execute of tag.create, a low-risk action
# whose policy needs no approval, each request with a fresh Idempotency-Key (bench/control.lua), so each
# is one real execution — the tag, its change record, its webhook event, the execution record and the
# audit record in one transaction. wrk at 16 connections; reports the rate, p50 and p99; any answer
# other than 2xx fails the run.
#
# Starts a server of its own (port offset 540: http 8620) with governed writes on. On H2 by default; on
# PostgreSQL when AGENTRY_DB_* are in the environment (your database), or with --postgres (a throwaway
# cluster on port 5546; needs Debian's postgresql package).
#   bench/control.sh [--postgres] [--quick] [seconds] [connections]     (defaults 30 and 16)
# --quick runs 3 s after a 2 s warm-up: to see that it works, not to measure.
set -euo pipefail
postgres=false
quick=false
while [ $# -gt 0 ]; do
    case $1 in
        --postgres) postgres=true; shift ;;
        --quick) quick=true; shift ;;
        *) break ;;
    esac
done
seconds=${1:-30}
connections=${2:-16}
# A minute: with 10 s the JIT was still compiling through the measured 30 s (bench/mcp.sh, bench/changes.sh).
warmup=60
if $quick; then seconds=3; warmup=2; fi
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }

source "$(dirname "$0")/lib/server.sh"
if $postgres; then
    work=${BENCH_DIR:-/tmp/agentry-control-bench}
    mkdir -p "$work"
    bench_postgres 5546
fi
database=H2
[ -n "${AGENTRY_DB_URL:-}" ] && database="PostgreSQL (${AGENTRY_DB_URL})"
bench_server_start control 540 -Dagentry.writes.experimental=true
admin=$(bench_admin_token)

# tag.create: low risk, no approval (409 if a policy for it exists already).
curl -s -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d '{"pattern":"tag.create","requiresApproval":false,"risk":"low"}' "$base/api/v1/control/policies"
read -r client secret <<<"$(bench_credential bench-control control:actions:execute tags:read)"
export BENCH_TOKEN
BENCH_TOKEN=$(bench_token "$client" "$secret")
script=$(dirname "$0")/control.lua

measure() { # run-id seconds -> wrk's output; fails on any non-2xx answer
    local out
    out=$(BENCH_RUN=$1 wrk -t2 -c"$connections" -d"$2s" --latency -s "$script" "$base")
    if grep -q 'Non-2xx' <<<"$out"; then
        echo "non-2xx answers:" >&2; echo "$out" >&2; exit 1
    fi
    echo "$out"
}

stamp=$(date +%s)
echo "warming up (${warmup}s)"
measure "w$stamp" "$warmup" >/dev/null
out=$(measure "m$stamp" "$seconds")
rate=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
requests=$(awk '/requests in/ {print $1}' <<<"$out")
p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
printf '%-40s %s\n' database "$database" connections "$connections" seconds "$seconds" \
    executions "$requests" "executions/s" "$rate" p50 "$p50" p99 "$p99"
