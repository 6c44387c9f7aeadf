#!/usr/bin/env bash
# Placing changes in the feed: writes N committed change records without a position (default 200,000,
# as a large import or a burst of governed writes leaves them) straight into PostgreSQL, then times
# the server's sequencer giving them their positions, and reports changes placed per second with the
# server's and the database's CPU per 1,000 placed. The snapshots are realistic entries of about 400
# bytes; BENCH_SNAPSHOT_KB=n pads each to n KiB, to see what the size of a change costs.
#
# Starts a throwaway PostgreSQL cluster (port 5547) and a server of its own (port offset 560).
#   bench/sequencer.sh [records]
# BENCH_EAR=path places with another build, for a before and after.
set -euo pipefail
records=${1:-200000}
pad_kb=${BENCH_SNAPSHOT_KB:-0}
source "$(dirname "$0")/lib/server.sh"
work=${BENCH_DIR:-/tmp/agentry-sequencer-bench}
mkdir -p "$work"
bench_postgres 5547
bench_server_start sequencer 560
pid=$(bench_server_pid)

unplaced() { psql "$PGURL" -Atc "select count(*) from change_record where position is null"; }

# Ids far above the application's sequence, in the order a writer would have taken them.
psql "$PGURL" -q -v n="$records" -v pad="$pad_kb" <<'SQL'
INSERT INTO change_record (id, position, resource_type, resource_id, action, version, changed_at, snapshot)
SELECT 1000000000000 + g, NULL, 'entries', md5(g::text), 'update', 1, now(),
       json_build_object(
           'id', g, 'uid', md5(g::text), 'section', 'journal', 'title', 'Benchmark entry ' || g,
           'slug', 'benchmark-entry-' || g, 'status', 'live',
           'fields', '{"summary":"A realistic summary of a few words."}', 'author', 'Editor 1',
           'postDate', '2026-11-21T10:00:00Z', 'createdAt', '2026-11-21T10:00:00Z',
           'updatedAt', '2026-11-21T10:00:00Z', 'version', 1, 'padding', repeat('x', :pad * 1024))::text
FROM generate_series(1, :n) AS g;
SQL
server0=$(bench_cpu_ticks "$pid") db0=$(bench_db_ticks)
started=$(date +%s.%N)
# The sequencer runs every second; the rows were committed above, so it finds them on its next tick.
while [ "$(unplaced)" -gt 0 ]; do sleep 0.2; done
seconds=$(echo "$(date +%s.%N) - $started" | bc -l)
server1=$(bench_cpu_ticks "$pid") db1=$(bench_db_ticks)
gaps=$(psql "$PGURL" -Atc "select count(*) - (max(position) - min(position) + 1) from change_record")
[ "$gaps" -eq 0 ] || { echo "the positions have $gaps gaps" >&2; exit 1; }
out_of_order=$(psql "$PGURL" -Atc "select count(*) from (select position < lag(position) over (order by id)
    as backwards from change_record) t where backwards")
[ "$out_of_order" -eq 0 ] || { echo "$out_of_order changes placed out of id order" >&2; exit 1; }
# µs per change is ms per 1,000
printf 'placed %d changes (snapshots +%d KiB) in %.1f s: %.0f/s; CPU per 1,000: server %s ms, database %s ms\n' \
    "$records" "$pad_kb" "$seconds" "$(echo "$records / $seconds" | bc -l)" \
    "$(bench_us_each "$server0" "$server1" "$records")" "$(bench_us_each "$db0" "$db1" "$records")"
