#!/usr/bin/env bash
# The changes feed at depth: adds N change records (default 1,000,000) to a server running against
# PostgreSQL, then walks GET /api/v1/changes from start to end with limit=200, reporting changes/s,
# the first and the last page's time, and the server's heap before, during and after the walk.
#
# Starts a throwaway PostgreSQL cluster (port 5544) and a server of its own on it (port offset 520:
# http 8600); needs Debian's postgresql package.
#   bench/changes.sh [records]
set -euo pipefail
records=${1:-1000000}
source "$(dirname "$0")/lib/server.sh"
work=${BENCH_DIR:-/tmp/agentry-changes-bench}
mkdir -p "$work"
bench_postgres 5544
bench_server_start changes 520
token=$(bench_admin_token)

existing=$(psql "$PGURL" -Atc "select count(*) from change_record")
if [ "$existing" -lt "$records" ]; then
    echo "adding $((records - existing)) change records"
    psql "$PGURL" -q -v n=$((records - existing)) <<'SQL'
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
fi

pid=$(bench_server_pid)
heap() { jcmd "$pid" GC.heap_info | awk '/garbage-first heap|used/ {print "  " $0; exit}'; }
echo "heap before:"; heap
( sleep 20; echo "heap during:"; heap ) &
java bench/ChangesWalk.java "$base" "$token"
wait
echo "heap after:"; heap
