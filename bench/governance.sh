#!/usr/bin/env bash
# Governance overhead, measured with wrk on one running server in one run, rounds alternating so all
# three see the same machine:
#   ungoverned  GET /api/v1/health               public, nothing checked or recorded
#   jwt-only    GET /api/v1/health + bearer       the same GET; MicroProfile JWT verifies the token
#   governed    GET /api/v1/auth/whoami + bearer  JWT + credential status (cached) + IP allowlist +
#                                                 rate-limit accounting + one audit record per call
# The token is a realistic one: a credential with two scopes, created for the run and revoked after.
#
# Start the server first with a rate limit that is evaluated but never reached:
#   AGENTRY_RATE_LIMIT_PER_MINUTE=100000000 mvn -pl ear -am package wildfly:run -DskipTests
# then: bench/governance.sh [base-url] [seconds] [connections]
set -euo pipefail
base=${1:-http://localhost:8080}
seconds=${2:-10}
connections=${3:-32}
data_dir=${AGENTRY_DATA_DIR:-ear/target/wildfly-39.0.1.Final/standalone/data}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }

field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }
token() { curl -sf -u "$1:$2" -d grant_type=client_credentials "$base/api/v1/auth/token" | field access_token; }

file="$data_dir/agentry/bootstrap-credential.json"
admin=$(token "$(field client_id <"$file")" "$(field client_secret <"$file")")
created=$(curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d '{"name":"benchmark","owner":"bench/governance.sh","scopes":["changes:read","syncstate:read"]}' \
    "$base/api/v1/credentials")
id=$(field id <<<"${created/\"clientId\"*/}")
bench=$(token "$(field clientId <<<"$created")" "$(field clientSecret <<<"$created")")
trap 'curl -sf -o /dev/null -X POST -H "Authorization: Bearer $admin" "$base/api/v1/credentials/$id/revoke"' EXIT

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
