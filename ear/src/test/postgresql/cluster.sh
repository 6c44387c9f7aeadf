#!/usr/bin/env bash
# A throwaway PostgreSQL cluster from Debian's postgresql package, for the integration suite on
# PostgreSQL (mvn verify -Ppostgresql) and for the benchmarks (bench/lib/server.sh, bench_postgres).
#
#   cluster.sh start DIR PORT   a new, empty cluster in DIR (whatever was there is stopped and removed),
#                               listening on 127.0.0.1:PORT only, trusting the user agentry, with the
#                               databases agentry (the application's) and agentry_batch (the job repository)
#   cluster.sh stop DIR         stops it (immediately: nothing in it is kept) and leaves DIR for its log
#
# As root it runs the server as the postgres user, because initdb refuses to run as root.
set -euo pipefail

usage() { echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 64; }

bin=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1)
[ -n "$bin" ] && [ -x "$bin/initdb" ] || { echo "needs PostgreSQL: apt-get install postgresql" >&2; exit 2; }

as=()
[ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)

stop() { # DIR
    if [ -f "$1/data/postmaster.pid" ]; then
        "${as[@]}" "$bin/pg_ctl" -D "$1/data" -m immediate -w stop > /dev/null || true
    fi
}

case "${1:-}" in
    start)
        [ $# -eq 3 ] || usage
        dir=$2 port=$3
        stop "$dir" # a cluster left running by an interrupted build
        rm -rf "$dir" && mkdir -p "$dir"
        [ ${#as[@]} -eq 0 ] || chown postgres "$dir"
        "${as[@]}" "$bin/initdb" -D "$dir/data" -U agentry --auth=trust > "$dir/initdb.log"
        # Loopback TCP only, no Unix socket that could collide with another cluster's.
        cat >> "$dir/data/postgresql.conf" <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 100
CONF
        "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 120 start > /dev/null \
            || { tail -n 20 "$dir/server.log" >&2; exit 1; }
        "$bin/createdb" -h 127.0.0.1 -p "$port" -U agentry agentry
        "$bin/createdb" -h 127.0.0.1 -p "$port" -U agentry agentry_batch
        echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, cluster in $dir"
        ;;
    stop)
        [ $# -eq 2 ] || usage
        stop "$2"
        ;;
    *) usage ;;
esac
