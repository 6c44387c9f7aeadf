#!/usr/bin/env bash
# The changes feed at depth: adds N change records (default 1,000,000) to a server's database, then
# walks GET /api/v1/changes from start to end with limit=200 three times (right after the start,
# again, then warm), reporting changes/s, the first and the last page's time, and the server's heap
# before, during and after the first walk.
#
# On PostgreSQL (the default) it starts a throwaway cluster (port 5544, Debian's postgresql package)
# and fills it with one INSERT … SELECT; on H2 (the server's default database) it starts the server
# once so that it creates its schema, stops it, fills the H2 file with the same kind of INSERT … SELECT
# through the H2 jar the server ships, and starts it again. Server: port offset 520 (http 8600).
#   bench/changes.sh [records] [postgresql|h2]
# BENCH_PROFILE=1 records the warm walk with JFR into $work/changes.jfr.
set -euo pipefail
records=${1:-1000000}
database=${2:-postgresql}
source "$(dirname "$0")/lib/server.sh"
work=${BENCH_DIR:-/tmp/agentry-changes-bench}
mkdir -p "$work"
[ -n "${BENCH_PROFILE:-}" ] && BENCH_JVM_OPTS="${BENCH_JVM_OPTS:-} -XX:FlightRecorderOptions:stackdepth=1024"

filled() { # N STARTED
    local seconds
    seconds=$(echo "$(date +%s.%N) - $2" | bc -l)
    printf 'filled %d change records in %.1f s (%.0f rows/s)\n' "$1" "$seconds" "$(echo "$1 / $seconds" | bc -l)"
}

fill_postgresql() { # N
    local started
    started=$(date +%s.%N)
    psql "$PGURL" -q -v n="$1" <<'SQL'
INSERT INTO change_record (id, position, resource_type, resource_id, action, version, changed_at, snapshot)
SELECT 1000000000000 + g,
       (SELECT coalesce(max(position), 0) FROM change_record) + g,
       'entries', md5(g::text), CASE WHEN g % 10 = 0 THEN 'delete' ELSE 'update' END, g % 7, now(),
       CASE WHEN g % 10 = 0 THEN NULL ELSE json_build_object(
           'id', g, 'uid', md5(g::text), 'section', 'journal', 'title', 'Benchmark entry ' || g,
           'slug', 'benchmark-entry-' || g, 'status', 'live',
           'fields', '{"summary":"A realistic summary of a few words."}', 'author', 'Editor 1',
           'postDate', '2026-11-21T10:00:00Z', 'createdAt', '2026-11-21T10:00:00Z',
           'updatedAt', '2026-11-21T10:00:00Z', 'version', g % 7)::text END
FROM generate_series(1, :n) AS g;
ANALYZE change_record;
SQL
    filled "$1" "$started"
}

# The same rows as on PostgreSQL (the same JSON text, "fields" a string in both), written into the
# server's H2 file while the server is stopped (an embedded H2 file has one user at a time).
fill_h2() { # N
    local h2 db=$work/base/data/agentry/agentry
    h2=$(ls "$bench_wildfly"/modules/system/layers/base/com/h2database/h2/main/h2-*.jar | head -1)
    cat > "$work/fill-h2.sql" <<SQL
SET @n = $1;
SET @base = SELECT COALESCE(MAX(position), 0) FROM change_record;
INSERT INTO change_record (id, position, resource_type, resource_id, action, version, changed_at, snapshot)
SELECT 1000000000000 + @base + X, @base + X,
       'entries', LOWER(RAWTOHEX(HASH('MD5', CAST(X AS VARCHAR)))),
       CASE WHEN MOD(X, 10) = 0 THEN 'delete' ELSE 'update' END, MOD(X, 7), CURRENT_TIMESTAMP,
       CASE WHEN MOD(X, 10) = 0 THEN NULL ELSE CAST(JSON_OBJECT(
           'id': X, 'uid': LOWER(RAWTOHEX(HASH('MD5', CAST(X AS VARCHAR)))), 'section': 'journal',
           'title': 'Benchmark entry ' || X, 'slug': 'benchmark-entry-' || X, 'status': 'live',
           'fields': '{"summary":"A realistic summary of a few words."}', 'author': 'Editor 1',
           'postDate': '2026-11-21T10:00:00Z', 'createdAt': '2026-11-21T10:00:00Z',
           'updatedAt': '2026-11-21T10:00:00Z', 'version': MOD(X, 7)) AS VARCHAR) END
FROM SYSTEM_RANGE(1, @n);
SQL
    bench_server_kill
    local started
    started=$(date +%s.%N)
    # A cache of 256 MB instead of H2's 16 MB halves the time: the indexes stay in memory while they grow.
    java -Xmx1g -cp "$h2" org.h2.tools.RunScript -url "jdbc:h2:file:$db;CACHE_SIZE=262144" -user sa -password sa \
        -script "$work/fill-h2.sql"
    filled "$1" "$started"
    bench_server_restart
}

case "$database" in
    postgresql)
        bench_postgres 5544
        bench_server_start changes 520
        existing=$(psql "$PGURL" -Atc "select count(*) from change_record")
        ;;
    h2)
        bench_server_start changes 520
        existing=0 # a fresh base directory each run: the server's H2 file starts empty
        ;;
    *)
        echo "usage: $0 [records] [postgresql|h2]" >&2
        exit 64
        ;;
esac
if [ "$existing" -lt "$records" ]; then
    echo "adding $((records - existing)) change records ($database)"
    "fill_$database" $((records - existing))
fi
token=$(bench_admin_token)

pid=$(bench_server_pid)
heap() { jcmd "$pid" GC.heap_info | awk '/garbage-first heap|used/ {print "  " $0; exit}'; }
# The server's CPU ticks by kind of thread: requests (default task), I/O, JIT compilers, GC, the rest.
server_threads() {
    python3 - "$pid" <<'PY'
import os, re, sys
kinds = {"requests": r"default task", "io": r"default I/O", "jit": r"C[12] CompilerThre", "gc": r"^(GC |G1 )"}
ticks = dict.fromkeys(list(kinds) + ["other"], 0)
for tid in os.listdir(f"/proc/{sys.argv[1]}/task"):
    try:
        stat = open(f"/proc/{sys.argv[1]}/task/{tid}/stat").read()
    except OSError:
        continue
    name = stat[stat.index("(") + 1:stat.rindex(")")]
    fields = stat[stat.rindex(")") + 2:].split()
    kind = next((k for k, pattern in kinds.items() if re.search(pattern, name)), "other")
    ticks[kind] += int(fields[11]) + int(fields[12])
print(" ".join(f"{k}={v}" for k, v in ticks.items()))
PY
}
walk() { # LABEL
    local server0 db0 server1 db1 hz threads0 threads1
    hz=$(getconf CLK_TCK)
    echo "$1:"
    server0=$(bench_cpu_ticks "$pid") db0=$(bench_db_ticks) threads0=$(server_threads)
    java "$bench_root/bench/ChangesWalk.java" "$base" "$token"
    server1=$(bench_cpu_ticks "$pid") db1=$(bench_db_ticks) threads1=$(server_threads)
    printf '  CPU: server %.1f s, database %s\n' "$(echo "($server1 - $server0) / $hz" | bc -l)" \
        "$([ "$database" = postgresql ] && printf '%.1f s' "$(echo "($db1 - $db0) / $hz" | bc -l)" || echo "in the server")"
    python3 - "$hz" "$threads0" "$threads1" <<'PY'
import sys
hz = int(sys.argv[1])
before, after = (dict(kv.split("=") for kv in arg.split()) for arg in sys.argv[2:])
print("  server threads: " + ", ".join(f"{k} {(int(after[k]) - int(before[k])) / hz:.1f} s" for k in after))
PY
}

echo "heap before:"; heap
( sleep 20; echo "heap during:"; heap ) &
walk "first walk after start"
wait
echo "heap after:"; heap
# Not warm yet: in the second walk the JIT compilers still took about as much CPU as the requests did.
walk "second walk"
if [ -n "${BENCH_PROFILE:-}" ]; then
    jcmd "$pid" JFR.start name=warm settings=profile > /dev/null
fi
walk "third walk (warm)"
if [ -n "${BENCH_PROFILE:-}" ]; then
    jcmd "$pid" JFR.dump name=warm filename="$work/changes.jfr" > /dev/null
    echo "flight recording of the warm walk: $work/changes.jfr"
fi
