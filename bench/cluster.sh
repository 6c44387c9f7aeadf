#!/usr/bin/env bash
# Two Agentry nodes, one system, on this machine: a throwaway PostgreSQL both share, two WildFly nodes on
# the provisioned server's standalone-ha.xml (configured by the same ear/src/main/wildfly/configure-server.cli:
# JGroups over TCP with static discovery, no multicast; web sessions in Infinispan), HAProxy in front, and
# the suite's webhook receiver (every delivery checked with the npm package standardwebhooks).
#
#   bench/cluster.sh up            start all of it (PostgreSQL, node1, node2, the balancer, the receiver)
#   bench/cluster.sh down          stop all of it
#   bench/cluster.sh status        what runs, and each node's view of the cluster
#   bench/cluster.sh check [s]     mixed traffic through the balancer for s seconds (default 20), then the
#                                  invariants (bench/cluster_check.py prints the figures; exit 1 if one fails)
#   bench/cluster.sh fault [s]     the same while each node in turn is SIGKILLed and restarted (default 150 s)
#   bench/cluster.sh bench [s]     governed GET throughput: the cluster behind the balancer against one node,
#                                  each node warmed first (CLUSTER_WARMUP s of load, default 60)
#   bench/cluster.sh kill N | start N    one node (the fault run uses these)
#
# Addresses: balancer http://127.0.0.1:8770, node1 :8780 (port offset 700), node2 :8830 (offset 750),
# PostgreSQL 127.0.0.1:5560, receiver :9787. State under CLUSTER_DIR (default /tmp/agentry-cluster).
# Both nodes get the same key-encryption key, audit HMAC key and console password (generated once under
# CLUSTER_DIR/secrets), and agentry.runs.root on storage both see (CLUSTER_DIR/shared/runs).
#
# Needs the built EAR and provisioned server (mvn -B package -DskipTests), Debian's postgresql and haproxy
# packages, Node.js and npm, curl, python3; `bench` also needs wrk.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
wildfly=$(ls -d "$root"/ear/target/wildfly-*/ 2> /dev/null | head -1)
ear=$root/ear/target/agentry.ear
dir=${CLUSTER_DIR:-/tmp/agentry-cluster}
pg_port=5560
lb_port=8770
receiver_port=9787
offsets=(0 700 750) # node N's port offset: offsets[N]
pg_cluster=$root/ear/src/test/postgresql/cluster.sh

http_port() { echo $((8080 + offsets[$1])); }
node_url() { echo "http://127.0.0.1:$(http_port "$1")"; }
balancer=http://127.0.0.1:$lb_port
node_pids() { pgrep -f "jboss.server.base.dir=$dir/node$1/base" || true; }

secrets() { # generated once: the values every node must share
    mkdir -p "$dir/secrets"
    chmod 700 "$dir/secrets"
    local name
    for name in kek hmac; do
        [ -s "$dir/secrets/$name" ] || python3 -c 'import base64,os; print(base64.b64encode(os.urandom(32)).decode())' > "$dir/secrets/$name"
    done
    [ -s "$dir/secrets/admin-password" ] \
        || python3 -c 'import secrets; print(secrets.token_urlsafe(18))' > "$dir/secrets/admin-password"
}

prepare_node() { # N: a base directory of its own, from the provisioned server, with the built EAR
    local base=$dir/node$1/base
    mkdir -p "$base/deployments"
    cp "$ear" "$base/deployments/" # the EAR built last
    [ -d "$base/configuration" ] && return 0
    cp -r "$wildfly/standalone/configuration" "$base/"
    rm -rf "$base/configuration/standalone_xml_history"
    python3 - "$base/configuration/standalone-ha.xml" << 'PY'
import re, sys
path = sys.argv[1]
text = open(path).read()
open(path, "w").write(re.sub(r"\s*<deployments>.*?</deployments>", "", text, flags=re.S))
PY
}

start_node() { # N: starts it and waits until it is ready
    local n=$1 offset=${offsets[$1]}
    [ -z "$(node_pids "$n")" ] || { echo "node$n runs already"; return 0; }
    prepare_node "$n"
    local base=$dir/node$n/base
    mkdir -p "$dir/shared/runs"
    (
        export AGENTRY_DB_DRIVER=postgresql AGENTRY_DB_USER=agentry AGENTRY_DB_PASSWORD=unused
        export AGENTRY_DB_URL=jdbc:postgresql://127.0.0.1:$pg_port/agentry
        export AGENTRY_BATCH_DB_DRIVER=postgresql AGENTRY_BATCH_DB_USER=agentry AGENTRY_BATCH_DB_PASSWORD=unused
        export AGENTRY_BATCH_DB_URL=jdbc:postgresql://127.0.0.1:$pg_port/agentry_batch
        AGENTRY_SECRETS_KEK=$(cat "$dir/secrets/kek")
        AGENTRY_AUDIT_HMAC_KEY=$(cat "$dir/secrets/hmac")
        AGENTRY_ADMIN_PASSWORD=$(cat "$dir/secrets/admin-password")
        export AGENTRY_SECRETS_KEK AGENTRY_AUDIT_HMAC_KEY AGENTRY_ADMIN_PASSWORD
        JBOSS_JAVA_SIZING="-Xms256m -Xmx${CLUSTER_HEAP:-640m}" "$wildfly/bin/standalone.sh" -c standalone-ha.xml \
            -Djboss.server.base.dir="$base" -Djboss.node.name="node$n" -Djboss.tx.node.id="node$n" \
            -Djboss.socket.binding.port-offset="$offset" -Djboss.bind.address.private=127.0.0.1 \
            -Dagentry.cluster.peer-1.port=$((7600 + offsets[1])) -Dagentry.cluster.peer-2.port=$((7600 + offsets[2])) \
            -Dagentry.public-url="$balancer" \
            -Dagentry.token.jwks-url="http://127.0.0.1:$((8089 + offset))/api/v1/auth/jwks" \
            -Dagentry.runs.root="$dir/shared/runs" -Dagentry.writes.experimental=true \
            -Dagentry.webhooks.allowed-ranges=127.0.0.1/32 -Dagentry.demo.enabled=false \
            -Dagentry.rate-limit.per-minute="${CLUSTER_RATE_LIMIT:-100000000}" \
            ${CLUSTER_JAVA_OPTS:-} >> "$dir/node$n/server.out" 2>&1 &
        disown
    )
    local _
    for _ in $(seq 1 480); do
        curl -sf "$(node_url "$n")/api/v1/readiness" > /dev/null 2>&1 && { echo "node$n ready at $(node_url "$n")"; return 0; }
        [ -n "$(node_pids "$n")" ] || { echo "node$n stopped while starting; see $dir/node$n/server.out" >&2; return 1; }
        sleep 0.5
    done
    echo "node$n did not become ready in 240 s; see $dir/node$n/server.out" >&2
    return 1
}

kill_node() { # N: SIGKILL, as a crash
    local pids
    pids=$(node_pids "$1")
    [ -n "$pids" ] && kill -9 $pids 2> /dev/null || true
    while [ -n "$(node_pids "$1")" ]; do sleep 0.2; done
    echo "node$1 killed"
}

start_balancer() {
    cat > "$dir/haproxy.cfg" << EOF
# Written by bench/cluster.sh. The API is balanced request by request (it keeps no session); an MCP
# session sticks to the node that opened it (its Mcp-Session-Id); the console sticks to a node by a
# cookie of the balancer's, and its session is replicated, so it survives that node.
global
    maxconn 4096
    pidfile $dir/haproxy.pid
defaults
    mode http
    option redispatch
    retries 2
    timeout connect 2s
    timeout client 120s
    timeout server 120s
    timeout tunnel 1h
    default-server inter 1s fall 2 rise 2
frontend agentry
    bind 127.0.0.1:$lb_port
    use_backend console if { path_beg /admin }
    default_backend api
backend api
    balance roundrobin
    option httpchk GET /api/v1/health
    stick-table type string len 64 size 100k expire 1h
    stick on req.hdr(Mcp-Session-Id)
    stick store-response res.hdr(Mcp-Session-Id)
    server node1 127.0.0.1:$(http_port 1) check
    server node2 127.0.0.1:$(http_port 2) check
backend console
    balance roundrobin
    option httpchk GET /api/v1/health
    cookie AGENTRY_NODE insert indirect nocache httponly
    server node1 127.0.0.1:$(http_port 1) check cookie node1
    server node2 127.0.0.1:$(http_port 2) check cookie node2
EOF
    [ -f "$dir/haproxy.pid" ] && kill "$(cat "$dir/haproxy.pid")" 2> /dev/null || true
    haproxy -D -f "$dir/haproxy.cfg"
    local _
    for _ in $(seq 1 40); do
        curl -sf "$balancer/api/v1/readiness" > /dev/null 2>&1 && { echo "balancer at $balancer"; return 0; }
        sleep 0.5
    done
    echo "the balancer does not answer" >&2
    return 1
}

start_receiver() {
    if ! curl -sf "http://127.0.0.1:$receiver_port/_summary/none" > /dev/null 2>&1; then
        if [ ! -d "$dir/receiver/node_modules" ]; then
            rm -rf "$dir/receiver"
            cp -r "$root/ear/src/test/webhook-receiver" "$dir/receiver"
            (cd "$dir/receiver" && npm ci --no-audit --no-fund --silent)
        fi
        nohup node "$dir/receiver/receiver.js" "$receiver_port" > "$dir/receiver.log" 2>&1 &
        echo $! > "$dir/receiver.pid"
        disown
    fi
}

up() {
    command -v haproxy > /dev/null || { echo "needs haproxy (apt-get install haproxy)" >&2; exit 2; }
    [ -f "$ear" ] && [ -d "$wildfly" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
    mkdir -p "$dir"
    secrets
    if ! pg_isready -q -h 127.0.0.1 -p "$pg_port" 2> /dev/null; then
        rm -rf "$dir/node1" "$dir/node2" "$dir/shared" # a new database: nothing the nodes kept is valid
        "$pg_cluster" start "$dir/pg" "$pg_port" > /dev/null
        echo "PostgreSQL at 127.0.0.1:$pg_port"
    fi
    start_receiver
    start_node 1 # first alone: it migrates the schema and makes the bootstrap credential and administrator
    start_node 2
    start_balancer
    status
}

down() {
    [ -f "$dir/haproxy.pid" ] && kill "$(cat "$dir/haproxy.pid")" 2> /dev/null || true
    rm -f "$dir/haproxy.pid"
    kill_node 1
    kill_node 2
    [ -f "$dir/receiver.pid" ] && kill "$(cat "$dir/receiver.pid")" 2> /dev/null || true
    rm -f "$dir/receiver.pid"
    "$pg_cluster" stop "$dir/pg" 2> /dev/null || true
    echo "cluster down"
}

status() {
    local n
    for n in 1 2; do
        if [ -n "$(node_pids "$n")" ]; then
            local view # the node's own JGroups view, from its management interface (local CLI authentication)
            view=$("$wildfly/bin/jboss-cli.sh" --connect --controller="remote+http://127.0.0.1:$((9990 + offsets[n]))" \
                --command="/subsystem=jgroups/channel=ee:read-attribute(name=view)" 2> /dev/null \
                | sed -nE 's/.*"result" => ".*\(([0-9]+)\) \[(.*)\]".*/\1 members: \2/p' || true)
            echo "node$n: running at $(node_url "$n"), cluster view: ${view:-none yet}"
        else
            echo "node$n: stopped"
        fi
    done
    if [ -f "$dir/haproxy.pid" ] && kill -0 "$(cat "$dir/haproxy.pid")" 2> /dev/null; then
        echo "balancer: running at $balancer"
    else
        echo "balancer: stopped"
    fi
}

traffic() { # check|fault seconds
    CLUSTER_DIR=$dir python3 "$root/bench/cluster_check.py" --mode "$1" --seconds "$2" \
        --balancer "$balancer" --node "$(node_url 1)" --node "$(node_url 2)" \
        --receiver "http://127.0.0.1:$receiver_port" --control "$0"
}

throughput() { # seconds: governed GET /auth/whoami, 32 connections, the cluster against one node
    command -v wrk > /dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
    local seconds=$1 warm=${CLUSTER_WARMUP:-60} token
    token=$(CLUSTER_DIR=$dir python3 "$root/bench/cluster_check.py" --mode token --balancer "$balancer" \
        --node "$(node_url 1)" --node "$(node_url 2)" --receiver "http://127.0.0.1:$receiver_port" --control "$0")
    rate() { # url [seconds]
        local out
        out=$(wrk -t2 -c32 -d"${2:-$seconds}s" --latency -H "Authorization: Bearer $token" "$1/api/v1/auth/whoami")
        grep -q 'Non-2xx' <<< "$out" && { echo "non-2xx answers from $1:" >&2; echo "$out" >&2; exit 1; }
        echo "$(awk '/Requests\/sec/ {print $2}' <<< "$out") $(awk '$1 == "99%" {print $2}' <<< "$out")"
    }
    # Two JVMs sharing two cores compile slowly: a node measured cold is measured at a third of its speed.
    # Each node gets $warm s of load of its own before the first round and after every restart.
    echo "warming up each node (${warm}s) and the balancer"
    rate "$(node_url 1)" "$warm" > /dev/null
    rate "$(node_url 2)" "$warm" > /dev/null
    rate "$balancer" > /dev/null
    printf '%-6s %22s %22s %8s\n' round "cluster req/s (p99)" "one node req/s (p99)" ratio
    local round
    for round in 1 2 3; do
        read -r c_rate c_p99 <<< "$(rate "$balancer")"
        kill_node 2 > /dev/null # one node: the other stopped, so it has the cores to itself
        read -r s_rate s_p99 <<< "$(rate "$(node_url 1)")"
        start_node 2 > /dev/null
        rate "$(node_url 2)" "$warm" > /dev/null
        rate "$balancer" > /dev/null # the balancer's health check has seen it again
        printf '%-6s %14s (%6s) %14s (%6s) %7.2fx\n' "$round" "$c_rate" "$c_p99" "$s_rate" "$s_p99" \
            "$(echo "$c_rate / $s_rate" | bc -l)"
    done
}

case "${1:-}" in
    up) up ;;
    down) down ;;
    status) status ;;
    check) traffic check "${2:-20}" ;;
    fault) traffic fault "${2:-150}" ;;
    bench) throughput "${2:-15}" ;;
    kill) kill_node "$2" ;;
    start) start_node "$2" ;;
    *) sed -n '2,23p' "$0" >&2; exit 64 ;;
esac
