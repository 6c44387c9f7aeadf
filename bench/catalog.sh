#!/usr/bin/env bash
# Catalog pages: GET /api/v1/entries?limit=20 with a realistic two-scope token (entries:read and
# sections:read), the demo catalog loaded, wrk at 32 connections; reports the rate, p50 and p99, beside
# the ungoverned GET /api/v1/health measured in the same run, and the CPU per request of the server JVM
# and of the PostgreSQL cluster (the harness's own). Any answer other than 2xx fails the run.
#
# Starts a server of its own (port offset 640: http 8720) with the demo catalog. On H2 by default; on
# PostgreSQL when AGENTRY_DB_* are in the environment (your database), or with --postgres (a throwaway
# cluster on port 5548; needs Debian's postgresql package).
#   bench/catalog.sh [--postgres] [--quick] [seconds] [connections]     (defaults 20 and 32)
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
seconds=${1:-20}
connections=${2:-32}
# The JIT keeps compiling the page's path for minutes (bench/mcp.sh measured the server's CPU per request
# falling by a quarter after 30 s of load): a minute of pages, then the measured rounds.
warmup=60
if $quick; then seconds=3; warmup=2; fi
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }

source "$(dirname "$0")/lib/server.sh"
if $postgres; then
    work=${BENCH_DIR:-/tmp/agentry-catalog-bench}
    mkdir -p "$work"
    bench_postgres 5548
fi
database=H2
[ -n "${AGENTRY_DB_URL:-}" ] && database="PostgreSQL (${AGENTRY_DB_URL})"
bench_server_start catalog 640 -Dagentry.demo.enabled=true
read -r client secret <<<"$(bench_credential bench-catalog entries:read sections:read)"
token=$(bench_token "$client" "$secret")
# The demo catalog is imported by a batch job after the first start: wait until a page is full.
for _ in $(seq 1 120); do
    count=$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/entries?limit=20" \
        | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["data"]))' 2>/dev/null || echo 0)
    [ "$count" -ge 20 ] && break
    sleep 1
done
[ "$count" -ge 20 ] || { echo "the demo catalog did not load" >&2; exit 1; }

measure() { # label duration url [header]
    local out pid server0 db0 requests
    pid=$(bench_server_pid)
    server0=$(bench_cpu_ticks "$pid") db0=$(bench_db_ticks)
    if [ $# -gt 3 ]; then
        out=$(wrk -t2 -c"$connections" -d"$2s" --latency -H "$4" "$3")
    else
        out=$(wrk -t2 -c"$connections" -d"$2s" --latency "$3")
    fi
    if grep -q 'Non-2xx' <<<"$out"; then
        echo "non-2xx answers from $3:" >&2; echo "$out" >&2; exit 1
    fi
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    # CPU per request: what the rate says on a quiet machine, and still says when the host is busy.
    printf '%-22s %9s req/s   p50 %8s   p99 %8s   CPU/request: server %s µs, database %s µs\n' "$1" \
        "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
        "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
        "$(bench_us_each "$server0" "$(bench_cpu_ticks "$pid")" "$requests")" \
        "$(bench_us_each "$db0" "$(bench_db_ticks)" "$requests")"
}
echo "database: $database; $connections connections, ${seconds} s each; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
measure warm-up "$warmup" "$base/api/v1/entries?limit=20" "Authorization: Bearer $token" > /dev/null
measure warm-up 10 "$base/api/v1/health" > /dev/null
for round in 1 2; do
    measure "health (ungoverned)" "$seconds" "$base/api/v1/health"
    measure "entries?limit=20" "$seconds" "$base/api/v1/entries?limit=20" "Authorization: Bearer $token"
done
