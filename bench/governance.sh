#!/usr/bin/env bash
# Governance overhead, measured with wrk on one running server in one run, rounds alternating so all
# three see the same machine:
#   ungoverned  GET /api/v1/health               public, nothing checked or recorded
#   jwt-only    GET /api/v1/health + bearer       the same GET; MicroProfile JWT verifies the token
#   governed    GET /api/v1/auth/whoami + bearer  JWT + credential status (cached) + IP allowlist +
#                                                 rate-limit accounting + one audit record per call
# The token is a realistic one: a credential with two scopes, created for the run and revoked after.
#
# Starts a server of its own (port offset 500: http 8580) with a rate limit evaluated but never reached.
#   bench/governance.sh [seconds] [connections]     (defaults 10 and 32)
set -euo pipefail
seconds=${1:-10}
connections=${2:-32}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }

source "$(dirname "$0")/lib/server.sh"
bench_server_start governance 500
field() { bench_field "$@"; }
token() { bench_token "$@"; }
admin=$(bench_admin_token)
created=$(curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d '{"name":"benchmark","owner":"bench/governance.sh","scopes":["changes:read","syncstate:read"]}' \
    "$base/api/v1/credentials")
id=$(field id <<<"${created/\"clientId\"*/}")
bench=$(token "$(field clientId <<<"$created")" "$(field clientSecret <<<"$created")")
bench_cleanups+=("curl -sf -o /dev/null -X POST -H 'Authorization: Bearer $admin' $base/api/v1/credentials/$id/revoke")

rate() { # url [header] -> requests per second
    local out
    if [ $# -gt 1 ]; then
        out=$(wrk -t2 -c"$connections" -d"${seconds}s" -H "$2" "$1")
    else
        out=$(wrk -t2 -c"$connections" -d"${seconds}s" "$1")
    fi
    if grep -q 'Non-2xx' <<<"$out"; then
        echo "non-2xx answers from $1:" >&2; echo "$out" >&2; exit 1
    fi
    awk '/Requests\/sec/ {print $2}' <<<"$out"
}

echo "warming up"
rate "$base/api/v1/health" >/dev/null
rate "$base/api/v1/auth/whoami" "Authorization: Bearer $bench" >/dev/null

printf '%-6s %12s %12s %12s %10s %10s\n' round ungoverned jwt-only governed jwt/plain gov/plain
for round in 1 2 3; do
    plain=$(rate "$base/api/v1/health")
    jwt=$(rate "$base/api/v1/health" "Authorization: Bearer $bench")
    governed=$(rate "$base/api/v1/auth/whoami" "Authorization: Bearer $bench")
    printf '%-6s %12s %12s %12s %9.0f%% %9.0f%%\n' "$round" "$plain" "$jwt" "$governed" \
        "$(echo "100 * $jwt / $plain" | bc -l)" "$(echo "100 * $governed / $plain" | bc -l)"
done
