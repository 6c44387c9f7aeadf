#!/usr/bin/env bash
# The changes feed at depth: adds N change records (default 1,000,000) to a server running against
# PostgreSQL, then walks GET /api/v1/changes from start to end with limit=200, reporting changes/s,
# the first and the last page's time, and the server's heap before, during and after the walk.
#
# Start the server on PostgreSQL first, e.g.:
#   sudo -u postgres createuser -P agentry; sudo -u postgres createdb -O agentry agentry
#   AGENTRY_DB_DRIVER=postgresql AGENTRY_DB_URL=jdbc:postgresql://localhost/agentry \
#   AGENTRY_DB_USER=agentry AGENTRY_DB_PASSWORD=… AGENTRY_RATE_LIMIT_PER_MINUTE=100000000 \
#   mvn -pl ear -am package wildfly:run -DskipTests
# then: PGURL=postgresql://agentry:…@localhost/agentry bench/changes.sh [base-url] [records]
set -euo pipefail
base=${1:-http://localhost:8080}
records=${2:-1000000}
data_dir=${AGENTRY_DATA_DIR:-ear/target/wildfly-39.0.1.Final/standalone/data}
: "${PGURL:?set PGURL to the PostgreSQL database of the server, e.g. postgresql://agentry:secret@localhost/agentry}"

field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }
file="$data_dir/agentry/bootstrap-credential.json"
token=$(curl -sf -u "$(field client_id <"$file"):$(field client_secret <"$file")" \
    -d grant_type=client_credentials -d scope=changes:read "$base/api/v1/auth/token" | field access_token)

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

pid=$(pgrep -f jboss-modules | head -1)
heap() { jcmd "$pid" GC.heap_info | awk '/garbage-first heap|used/ {print "  " $0; exit}'; }
echo "heap before:"; heap
( sleep 20; echo "heap during:"; heap ) &
java bench/ChangesWalk.java "$base" "$token"
wait
echo "heap after:"; heap
