# Shared by the bench scripts (source it): a fresh Agentry server of the bench's own, started from the
# built EAR and the server the build provisioned, on a port offset of its own, and a throwaway
# PostgreSQL cluster when the bench asks for one. Nothing a developer's server stored is used: the
# base directory is a copy of the provisioned one without its data, and deployments recorded in its
# configuration by `wildfly:run` are dropped (their content lives in the data directory left behind).
#
#   bench_server_start NAME OFFSET [-Dkey=value ...]
#       work directory $work (BENCH_DIR or /tmp/agentry-NAME-bench), server base $work/base,
#       $base = http://127.0.0.1:(8080+OFFSET); waits for readiness; the server is killed on exit.
#       AGENTRY_DB_* in the environment (see bench_postgres) point it at another database.
#   bench_server_kill / bench_server_restart [-Dkey=value ...]
#       SIGKILL the server (and wait until it is gone) / start it again on the same base directory.
#   bench_admin_token   prints a token of the bootstrap credential (every scope).
#   bench_credential NAME SCOPE...   creates a credential, prints "clientId clientSecret".
#   bench_server_pid / bench_cpu_ticks PID   the server JVM's pid / a process's CPU so far in clock ticks.
#   bench_db_ticks   the CPU so far of the cluster bench_postgres started, in clock ticks (0 without one).
#   bench_us_each TICKS_BEFORE TICKS_AFTER COUNT   CPU microseconds per item between two tick readings.
#   bench_token CLIENT_ID CLIENT_SECRET   prints an access token.
#   bench_postgres PORT   starts a throwaway PostgreSQL cluster under $work/pg (Debian's postgresql
#       package, by ear/src/test/postgresql/cluster.sh like the suite's -Ppostgresql), exports AGENTRY_DB_*
#       for the next bench_server_start and PGURL for psql.
#
# Needs the built EAR and provisioned server (mvn -B -pl ear -am package -DskipTests), curl, python3.
# BENCH_EAR=path runs another built EAR (e.g. a copy of the one before a change) on the same server.

bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench_wildfly=$(ls -d "$bench_root"/ear/target/wildfly-*/ 2>/dev/null | head -1)
bench_ear=${BENCH_EAR:-$bench_root/ear/target/agentry.ear} # BENCH_EAR: another build, e.g. a baseline
bench_cleanups=()

bench_on_exit() {
    local i # last registered first: the server goes before its database
    for ((i = ${#bench_cleanups[@]} - 1; i >= 0; i--)); do eval "${bench_cleanups[i]}" || true; done
}
trap bench_on_exit EXIT

bench_field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }

bench_server_start() { # NAME OFFSET [-Dkey=value ...]
    local name=$1 offset=$2
    shift 2
    [ -f "$bench_ear" ] && [ -d "$bench_wildfly" ] \
        || { echo "build first: mvn -B -pl ear -am package -DskipTests" >&2; exit 1; }
    work=${BENCH_DIR:-/tmp/agentry-$name-bench}
    bench_offset=$offset
    base=http://127.0.0.1:$((8080 + offset))
    mkdir -p "$work"
    rm -rf "$work/base"
    mkdir -p "$work/base"
    cp -r "$bench_wildfly/standalone/configuration" "$work/base/"
    rm -rf "$work/base/configuration/standalone_xml_history"
    mkdir -p "$work/base/deployments"
    python3 - "$work/base/configuration/standalone.xml" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path).read()
open(path, "w").write(re.sub(r"\s*<deployments>.*?</deployments>", "", text, flags=re.S))
PY
    cp "$bench_ear" "$work/base/deployments/"
    bench_server_args=("$@")
    bench_cleanups+=("bench_server_kill")
    bench_server_launch
}

bench_server_launch() {
    JBOSS_JAVA_SIZING="-Xms256m -Xmx${BENCH_HEAP:-768m} ${BENCH_JVM_OPTS:-}" "$bench_wildfly/bin/standalone.sh" \
        -Djboss.server.base.dir="$work/base" -Djboss.socket.binding.port-offset="$bench_offset" \
        -Dagentry.token.jwks-url="http://127.0.0.1:$((8089 + bench_offset))/api/v1/auth/jwks" \
        -Dagentry.demo.enabled=false -Dagentry.rate-limit.per-minute=100000000 \
        "${bench_server_args[@]}" >> "$work/server.out" 2>&1 &
    disown # killed on purpose by some benches; no job-control notice
    local _
    for _ in $(seq 1 600); do
        curl -sf "$base/api/v1/readiness" > /dev/null 2>&1 && return 0
        sleep 0.5
    done
    echo "the server did not become ready in 300 s; see $work/server.out" >&2
    exit 1
}

bench_server_kill() {
    pkill -9 -f "jboss.server.base.dir=$work/base" 2> /dev/null || true
    while pgrep -f "jboss.server.base.dir=$work/base" > /dev/null; do sleep 0.2; done
}

bench_server_restart() { # [-Dkey=value ...] replaces the extra properties when given
    bench_server_kill
    [ $# -gt 0 ] && bench_server_args=("$@")
    bench_server_launch
}

bench_server_pid() { pgrep -f "jboss.server.base.dir=$work/base" | tail -1; }

# A cost that a busy machine disturbs less than time: the process's user + system CPU so far, in clock
# ticks (getconf CLK_TCK a second).
bench_cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # PID

bench_us_each() { awk -v a="$1" -v b="$2" -v n="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", (b - a) / hz * 1e6 / n }'; }

# The PostgreSQL cluster's CPU: its postmaster, its live backends and those that ended.
bench_db_ticks() {
    [ -f "${work:-}/pg/data/postmaster.pid" ] || { echo 0; return; }
    local postmaster total child
    postmaster=$(head -1 "$work/pg/data/postmaster.pid")
    [ -d "/proc/$postmaster" ] || { echo 0; return; } # left behind by a cluster stopped at once
    total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat")
    for child in $(pgrep -P "$postmaster"); do
        total=$((total + $(bench_cpu_ticks "$child" 2> /dev/null || echo 0)))
    done
    echo "$total"
}

bench_token() { # CLIENT_ID CLIENT_SECRET
    curl -sf -u "$1:$2" -d grant_type=client_credentials "$base/api/v1/auth/token" | bench_field access_token
}

bench_admin_token() {
    local file="$work/base/data/agentry/bootstrap-credential.json"
    bench_token "$(bench_field client_id < "$file")" "$(bench_field client_secret < "$file")"
}

bench_credential() { # NAME SCOPE...
    local name=$1
    shift
    local scopes
    scopes=$(printf '"%s",' "$@")
    local created
    created=$(curl -sf -H "Authorization: Bearer $(bench_admin_token)" -H 'Content-Type: application/json' \
        -d "{\"name\":\"$name\",\"owner\":\"bench\",\"scopes\":[${scopes%,}]}" "$base/api/v1/credentials")
    echo "$(bench_field clientId <<< "$created") $(bench_field clientSecret <<< "$created")"
}

bench_postgres() { # PORT
    local port=$1
    local cluster=$bench_root/ear/src/test/postgresql/cluster.sh # the one the suite's -Ppostgresql uses
    "$cluster" start "$work/pg" "$port" > /dev/null
    bench_cleanups+=("$cluster stop $work/pg")
    export AGENTRY_DB_DRIVER=postgresql AGENTRY_DB_USER=agentry AGENTRY_DB_PASSWORD=unused
    export AGENTRY_DB_URL=jdbc:postgresql://127.0.0.1:$port/agentry
    export AGENTRY_BATCH_DB_DRIVER=postgresql AGENTRY_BATCH_DB_USER=agentry AGENTRY_BATCH_DB_PASSWORD=unused
    export AGENTRY_BATCH_DB_URL=jdbc:postgresql://127.0.0.1:$port/agentry_batch
    export PGURL=postgresql://agentry@127.0.0.1:$port/agentry
}
