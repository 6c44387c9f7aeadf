#!/usr/bin/env bash
# The overhead of an agent task run with no model time, against a fresh server of its own (port
# offset 400: http 8480): a scripted run on a 1,000-file, 20 MB seed that rewrites FILES of them.
# Prints each phase as the run recorded it (prepare: link or copy and hash the seed; privateMs: the
# private copies of the seed's files a process step needs before it starts; collect: hash the
# workspace, diff it against the baseline, write the bundle's files, seal it with its manifest, and
# record it), the verification of the sealed bundle through the API (HTTP included), their sum, and
# sha256sum over the same bundle files for comparison.
#
#   bench/runs.sh [RUNS] [FILES] [STEP]   RUNS measured runs after two warm-ups (default 5), FILES
#                                         rewritten per run (default 20), STEP the run's verify step:
#                                         "true" (default; a process, so the workspace is made private
#                                         first) or "none" (the run starts no process)
#
# Needs the built EAR and prepared server (mvn -B -pl ear -am package -DskipTests) and python3.
set -euo pipefail
runs=${1:-5}
files=${2:-20}
step=${3:-true}
source "$(dirname "$0")/lib/server.sh"
work=${BENCH_DIR:-/tmp/agentry-runs-bench}
rm -rf "$work" && mkdir -p "$work/seed"
python3 - "$work/seed" <<'PY'
import base64, os, sys
root = sys.argv[1]
for i in range(1000):
    d = os.path.join(root, "pkg%02d" % (i // 50))
    os.makedirs(d, exist_ok=True)
    # 20 KB of text in 76-character lines, so every file diffs as text
    text = base64.encodebytes(os.urandom(15000)).decode()[:20480]
    open(os.path.join(d, "file%04d.txt" % i), "w").write(text)
PY
echo '[{"name":"true","command":["true"],"timeoutSeconds":10}]' > "$work/verify-steps.json"

bench_server_start runs 400 -Dagentry.runs.seeds=bench="$work/seed" \
    -Dagentry.runs.verify-steps="$work/verify-steps.json"
field() { bench_field "$@"; }
token=$(bench_admin_token)
H="Authorization: Bearer $token"

python3 - "$work/task.json" "$files" "$step" <<'PY'
import base64, json, os, sys
calls = [{"tool": "workspace.write", "arguments": {
    "path": "pkg%02d/file%04d.txt" % (i // 50, i),
    "content": base64.encodebytes(os.urandom(15000)).decode()[:20480]}} for i in range(0, 1000, 1000 // int(sys.argv[2]))]
json.dump({"goal": "bench", "agent": "demo", "workspace": {"seed": "bench"},
           "allowedTools": ["workspace.write"], "verifySteps": [] if sys.argv[3] == "none" else ["true"],
           "script": [{"toolCalls": calls, "final": "rewrote files"}]}, open(sys.argv[1], "w"))
PY

printf '%-4s %9s %9s %7s %7s %7s %8s %7s %9s %11s %7s %11s %9s\n' run prepareMs privateMs loopMs hashMs diffMs \
    writeMs sealMs collectMs verifyApiMs totalMs sha256sumMs bundleKB
for i in $(seq 1 $((runs + 2))); do
    id=$(curl -sf -H "$H" -H 'Content-Type: application/json' -H "Idempotency-Key: bench-$i-$RANDOM" \
        --data-binary @"$work/task.json" "$base/api/v1/runs" | field id)
    while :; do
        run=$(curl -sf -H "$H" "$base/api/v1/runs/$id")
        case $(echo "$run" | field status) in succeeded|failed|timed_out|cancelled) break ;; esac
        sleep 0.1
    done
    [ "$(echo "$run" | field status)" = succeeded ] || { echo "run $id did not succeed: $run" >&2; exit 1; }
    verify=$(curl -sf -o "$work/verify.json" -w '%{time_total}' -H "$H" "$base/api/v1/runs/$id/artifacts/verify")
    grep -q '"valid":true' "$work/verify.json" || { echo "bundle of $id did not verify" >&2; exit 1; }
    bundle="$work/base/data/agentry/runs/$id/artifacts"
    start=$(date +%s%N)
    find "$bundle" -type f -print0 | xargs -0 sha256sum > /dev/null
    sha=$(( ($(date +%s%N) - start) / 1000000 ))
    kb=$(du -sk "$bundle" | cut -f1)
    label=$([ "$i" -le 2 ] && echo "w$i" || echo "$((i - 2))")
    echo "$run" | python3 -c "
import json, sys
t = json.load(sys.stdin)['timings']
private, verify = t.get('privateCopyMs', 0), float('$verify') * 1000
total = t['prepareMs'] + private + t['collectMs'] + verify
print('%-4s %9d %9d %7d %7d %7d %8d %7d %9d %11.0f %7.0f %11d %9d' % ('$label', t['prepareMs'], private, t['loopMs'],
      t['hashMs'], t['diffMs'], t['writeMs'], t['sealMs'], t['collectMs'], verify, total, $sha, $kb))"
done
