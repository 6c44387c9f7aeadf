#!/usr/bin/env python3
"""Mixed traffic through the cluster's balancer, then the invariants a cluster must keep (bench/cluster.sh
check and fault). Standard library only. What runs while the nodes live, die and come back:

  tokens     client-credentials token requests
  reads      GET /tags pages
  writes     governed tag.create executions, each with an Idempotency-Key, retried with the same key and
             body until it succeeds (a node died under it, the balancer answered 502/503); a fifth of the
             keys are also sent to both nodes at once
  feed       a /changes walk that follows nextCursor as a consumer would, retrying a failed page
  runs       scripted agent runs, each started with an Idempotency-Key
  webhooks   every tag.created event delivered to the suite's receiver (signatures checked there with
             the npm package standardwebhooks)

Then: every write executed once per key (one tag.created change per key's slug in the feed), the feed
without gaps or repeats (positions contiguous) and the walker's view equal to a final walk, every event
delivered (lost = 0; duplicates counted), every run terminal with its workspace removed, the audit chain
verified, a credential revoked through node 1 refused by both nodes within 1 s, and a console session
signed in through the balancer alive on the other node (and, in fault mode, after its node was killed).
Prints the figures; exits 1 if an invariant fails.
"""
import argparse
import base64
import http.cookiejar
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

args = None
stop = threading.Event()
lock = threading.Lock()
counts = {}
failures = []


def count(name, n=1):
    with lock:
        counts[name] = counts.get(name, 0) + n


def log(message):
    print(time.strftime("%H:%M:%S"), message, flush=True)


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body) if self.body else None


def call(method, url, token=None, body=None, headers=None, timeout=30, opener=None, basic=None):
    """One HTTP exchange; an answer of any status, or an OSError when there was none (a node died)."""
    data = None
    h = dict(headers or {})
    if token:
        h["Authorization"] = "Bearer " + token
    if basic:
        h["Authorization"] = "Basic " + base64.b64encode(basic.encode()).decode()
    if body is not None:
        if isinstance(body, (dict, list)):
            data = json.dumps(body).encode()
            h.setdefault("Content-Type", "application/json")
        else:
            data = body.encode() if isinstance(body, str) else body
    request = urllib.request.Request(url, data=data, method=method, headers=h)
    try:
        with (opener.open(request, timeout=timeout) if opener else urllib.request.urlopen(request, timeout=timeout)) as r:
            return Answer(r.status, r.headers, r.read())
    except urllib.error.HTTPError as e:
        return Answer(e.code, e.headers, e.read())
    except urllib.error.URLError as e:
        raise OSError(str(e.reason)) from e


def until_ok(what, fn, budget=240):
    """Retries fn (which returns an Answer) until a 2xx, through node deaths; the last answer otherwise."""
    deadline = time.time() + budget
    last = None
    while time.time() < deadline:
        try:
            last = fn()
            if 200 <= last.status < 300:
                return last
            if last.status not in (429, 502, 503, 504) and last.status < 500:
                raise RuntimeError(f"{what}: {last.status} {last.body[:300]!r}")
            count(f"{what} retried after {last.status}")
        except OSError:
            count(f"{what} retried after no answer")
        time.sleep(0.25)
    raise RuntimeError(f"{what}: no success in {budget} s (last {last.status if last else 'no answer'})")


def token_for(client_id, secret, base=None):
    answer = until_ok(
        "token",
        lambda: call("POST", (base or args.balancer) + "/api/v1/auth/token", basic=f"{client_id}:{secret}",
                     body="grant_type=client_credentials",
                     headers={"Content-Type": "application/x-www-form-urlencoded"}))
    return answer.json()["access_token"]


def admin_token():
    path = os.path.join(os.environ.get("CLUSTER_DIR", "/tmp/agentry-cluster"),
                        "node1/base/data/agentry/bootstrap-credential.json")
    with open(path) as f:
        bootstrap = json.load(f)
    return token_for(bootstrap["client_id"], bootstrap["client_secret"])


def credential(admin, name, scopes):
    created = until_ok("credential", lambda: call("POST", args.balancer + "/api/v1/credentials", admin,
                                                  {"name": name, "owner": "bench/cluster", "scopes": scopes})).json()
    return created["id"], created["clientId"], created["clientSecret"]


# --- the traffic ---------------------------------------------------------------------------------------

def tokens_worker(client_id, secret):
    while not stop.is_set():
        try:
            a = call("POST", args.balancer + "/api/v1/auth/token", basic=f"{client_id}:{secret}",
                     body="grant_type=client_credentials",
                     headers={"Content-Type": "application/x-www-form-urlencoded"}, timeout=10)
            count("token requests" if a.status == 200 else f"token answers {a.status}")
        except OSError:
            count("token requests without answer")
        time.sleep(0.05)


def reads_worker(token):
    while not stop.is_set():
        try:
            a = call("GET", args.balancer + "/api/v1/tags?limit=20", token, timeout=10)
            count("catalog reads" if a.status == 200 else f"catalog answers {a.status}")
        except OSError:
            count("catalog reads without answer")
        time.sleep(0.02)


executed = {}  # idempotency key -> execution id of its first success


def execute(base, token, key, slug):
    return call("POST", base + "/api/v1/control/actions/execute", token,
                {"action": "tag.create", "input": {"name": "Cluster " + slug, "slug": slug}},
                headers={"Idempotency-Key": key}, timeout=30)


def writes_worker(token, worker):
    n = 0
    while not stop.is_set():
        n += 1
        key = f"{args.run}-w{worker}-{n}"
        slug = key.lower()
        answers = []
        if n % 5 == 0:  # one key at both nodes at once: the database decides, not a node
            results = [None, None]

            def direct(i):
                try:
                    results[i] = execute(args.node[i], token, key, slug)
                except OSError:
                    results[i] = None

            threads = [threading.Thread(target=direct, args=(i,)) for i in (0, 1)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            answers = [r for r in results if r is not None]
            count("keys sent to both nodes at once")
        try:
            a = until_ok("write", lambda: execute(args.balancer, token, key, slug), budget=240)
        except RuntimeError as e:
            failures.append(str(e))
            continue
        answers.append(a)
        ids = {x.json().get("id") for x in answers if x.status == 200 and x.json()}
        with lock:
            executed[key] = ids
        count("governed writes")
        count("replayed answers", sum(1 for x in answers if x.headers.get("Idempotent-Replayed") == "true"))


walked = []  # positions the running walker saw, in order


def position(change):
    """A change's feed position: its cursor is its page's seal, a dot, and the position (README, the feed)."""
    return int(change["cursor"].rsplit(".", 1)[1])


def feed_worker(token):
    cursor = None
    while not stop.is_set():
        url = args.balancer + "/api/v1/changes?types=tags&limit=200" + ("&cursor=" + urllib.parse.quote(cursor) if cursor else "")
        try:
            a = call("GET", url, token, timeout=10)
        except OSError:
            count("feed pages retried")
            time.sleep(0.2)
            continue
        if a.status != 200:
            count(f"feed answers {a.status}")
            time.sleep(0.2)
            continue
        page = a.json()
        with lock:
            walked.extend(position(change) for change in page["data"])
        cursor = page["nextCursor"]
        count("feed pages")
        if not page["hasMore"]:
            time.sleep(0.3)


runs = []


def runs_worker(token, worker):
    n = 0
    while not stop.is_set():
        n += 1
        key = f"{args.run}-r{worker}-{n}"
        task = {"goal": "Write a note", "agent": "demo", "workspace": {"seed": "demo"},
                "allowedTools": ["workspace.write"], "timeoutSeconds": 120, "maxTurns": 4,
                "script": [{"toolCalls": [{"tool": "workspace.write",
                                           "arguments": {"path": "notes.txt", "content": key + "\n"}}],
                            "final": "Done."}]}
        try:
            a = until_ok("run start", lambda: call("POST", args.balancer + "/api/v1/runs", token, task,
                                                   headers={"Idempotency-Key": key}), budget=240)
            with lock:
                runs.append(a.json()["id"])
            count("runs started")
        except RuntimeError as e:
            failures.append(str(e))
        stop.wait(3)


def fault_worker():
    """Each node in turn: SIGKILLed mid-traffic, restarted; twice."""
    plan = [1, 2, 1, 2][: max(2, min(4, int(args.seconds // 60)))]
    pause = max(10, args.seconds / (len(plan) * 2 + 1))
    for node in plan:
        if stop.wait(pause):
            return
        log(f"SIGKILL node{node}")
        subprocess.run([args.control, "kill", str(node)], check=True, stdout=subprocess.DEVNULL)
        count("nodes killed")
        stop.wait(5)
        log(f"restarting node{node}")
        subprocess.run([args.control, "start", str(node)], check=True, stdout=subprocess.DEVNULL)
        log(f"node{node} is back")
        count("nodes restarted")


# --- console --------------------------------------------------------------------------------------------

def console_session():
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = until_ok("console login page", lambda: call("GET", args.balancer + "/admin/login.xhtml", opener=opener))
    html = page.body.decode()
    state = re.search(r'name="jakarta\.faces\.ViewState"[^>]*value="([^"]+)"', html).group(1)
    with open(os.path.join(os.environ.get("CLUSTER_DIR", "/tmp/agentry-cluster"), "secrets/admin-password")) as f:
        password = f.read().strip()
    form = urllib.parse.urlencode({"login": "login", "login:username": "admin", "login:password": password,
                                   "login:signIn": "Sign in", "jakarta.faces.ViewState": state})
    call("POST", args.balancer + "/admin/login.xhtml", body=form, opener=opener,
         headers={"Content-Type": "application/x-www-form-urlencoded"})
    cookies = {c.name: c.value for c in jar}
    return opener, jar, cookies


def signed_in(url, jar, timeout=10):
    """Whether the console's front page answers as itself (not the login page) to this session."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    # Until its health check (two failures a second apart) takes a dead node out, the balancer may answer a
    # request it sent there with 502: the administrator's browser would show that once; ask again.
    a = until_ok("console page", lambda: call("GET", url + "/admin/index.xhtml", opener=opener, timeout=timeout),
                 budget=30)
    body = a.body.decode(errors="replace")
    return a.status == 200 and 'id="login"' not in body


def session_on(base, cookies):
    """The session cookie alone, sent straight to one node (no balancer cookie)."""
    jar = http.cookiejar.CookieJar()
    host = urllib.parse.urlparse(base).hostname
    for name, value in cookies.items():
        if name == "JSESSIONID":
            jar.set_cookie(http.cookiejar.Cookie(0, name, value, None, False, host, False, False, "/admin", True,
                                                 False, None, False, None, None, {}))
    return jar


# --- checks ---------------------------------------------------------------------------------------------

def final_walk(token):
    positions, cursor = [], None
    while True:
        url = args.balancer + "/api/v1/changes?types=tags&limit=200" + ("&cursor=" + urllib.parse.quote(cursor) if cursor else "")
        page = until_ok("final walk", lambda: call("GET", url, token)).json()
        positions.extend((position(c), c["action"], c["resourceId"], (c.get("snapshot") or {}).get("slug"))
                         for c in page["data"])
        cursor = page["nextCursor"]
        if not page["hasMore"]:
            return positions


def revocation(admin):
    """Revoked through node 1; how long until each node refuses the credential's token (ms)."""
    cid, client, secret = credential(admin, f"revoke-{args.run}", ["tags:read"])
    token = token_for(client, secret)
    for base in args.node:  # both nodes know it, with its policy in their caches
        until_ok("revocation warm-up", lambda: call("GET", base + "/api/v1/tags?limit=1", token))
    until_ok("revoke", lambda: call("POST", args.node[0] + f"/api/v1/credentials/{cid}/revoke", admin))
    revoked_at = time.time()
    refused = {}
    while len(refused) < 2 and time.time() - revoked_at < 10:
        for i, base in enumerate(args.node):
            if i not in refused:
                a = call("GET", base + "/api/v1/tags?limit=1", token)
                if a.status == 401 or a.status == 403:
                    refused[i] = (time.time() - revoked_at) * 1000
        time.sleep(0.02)
    return [refused.get(i) for i in (0, 1)]


def main():
    global args
    p = argparse.ArgumentParser()
    p.add_argument("--mode", choices=["check", "fault", "token"], required=True)
    p.add_argument("--seconds", type=float, default=20)
    p.add_argument("--balancer", required=True)
    p.add_argument("--node", action="append", required=True)
    p.add_argument("--receiver", required=True)
    p.add_argument("--control", required=True)
    args = p.parse_args()
    args.run = "c" + uuid.uuid4().hex[:8]

    admin = admin_token()
    if args.mode == "token":  # for bench/cluster.sh bench: a credential of its own
        _, client, secret = credential(admin, f"bench-{args.run}", ["changes:read"])
        print(token_for(client, secret))
        return 0

    # tag.create needs no approval (409: the policy exists from an earlier run)
    call("POST", args.balancer + "/api/v1/control/policies", admin,
         {"pattern": "tag.create", "requiresApproval": False, "risk": "low"})
    _, client, secret = credential(admin, f"traffic-{args.run}",
                                   ["control:actions:execute", "tags:read", "changes:read", "runs:write",
                                    "runs:read"])
    token = token_for(client, secret)
    hook = f"{args.run}"
    subscription = until_ok("subscription", lambda: call(
        "POST", args.balancer + "/api/v1/webhooks/subscriptions", admin,
        {"url": f"{args.receiver}/hooks/{hook}", "events": ["tag.created"]})).json()
    call("PUT", f"{args.receiver}/_secrets/{hook}", body={"secrets": [subscription["secret"]]})
    start = final_walk(token)
    base_position = start[-1][0] if start else 0

    opener, jar, cookies = console_session()
    if "AGENTRY_NODE" not in cookies or not signed_in(args.balancer, jar):
        failures.append(f"console sign-in through the balancer failed (cookies: {sorted(cookies)})")
    console_node = cookies.get("AGENTRY_NODE", "node1")
    other = args.node[1] if console_node == "node1" else args.node[0]
    console_elsewhere = signed_in(other, session_on(other, cookies))

    workers = [threading.Thread(target=tokens_worker, args=(client, secret)),
               threading.Thread(target=reads_worker, args=(token,)),
               threading.Thread(target=feed_worker, args=(token,)),
               threading.Thread(target=runs_worker, args=(token, 1))]
    workers += [threading.Thread(target=writes_worker, args=(token, w)) for w in range(4)]
    faults = threading.Thread(target=fault_worker) if args.mode == "fault" else None
    log(f"{args.mode}: traffic for {args.seconds:.0f} s through {args.balancer}")
    for w in workers:
        w.daemon = True
        w.start()
    if faults:
        faults.start()
    time.sleep(args.seconds)
    if faults:
        faults.join()  # the last restart completes before the traffic stops
    stop.set()
    for w in workers:
        w.join(timeout=300)
    log("traffic stopped; settling")

    console_survived = None
    if args.mode == "fault":  # the node that served the console is killed; the session must live on
        victim = 1 if console_node == "node1" else 2
        subprocess.run([args.control, "kill", str(victim)], check=True, stdout=subprocess.DEVNULL)
        console_survived = signed_in(args.balancer, jar, timeout=30)
        subprocess.run([args.control, "start", str(victim)], check=True, stdout=subprocess.DEVNULL)

    # runs: every one terminal, its workspace gone
    runs_root = os.path.join(os.environ.get("CLUSTER_DIR", "/tmp/agentry-cluster"), "shared/runs")
    deadline = time.time() + 240
    states = {}
    for run in runs:
        while True:
            view = until_ok("run", lambda: call("GET", f"{args.balancer}/api/v1/runs/{run}", token)).json()
            if view["status"] in ("succeeded", "failed", "timed_out", "cancelled") or time.time() > deadline:
                states[run] = view["status"]
                break
            time.sleep(1)
    time.sleep(3)  # cleanup follows the terminal state
    left = [r for r in runs if os.path.isdir(os.path.join(runs_root, r, "workspace"))]

    # the feed: complete, contiguous, and what the walker saw
    time.sleep(3)  # the sequencer places what committed last
    walk = [c for c in final_walk(token) if c[0] > base_position]
    positions = [c[0] for c in walk]
    gaps = sum(1 for a, b in zip(positions, positions[1:]) if b != a + 1)
    repeats = len(positions) - len(set(positions))
    seen = [p for p in walked if p > base_position]
    walker_repeats = len(seen) - len(set(seen))
    walker_missing = len(set(positions[: len(set(seen))]) - set(seen)) if seen else 0

    # writes: one creation per key, by its slug
    created = {}
    for _, action, _, slug in walk:
        if action == "create" and slug:
            created[slug] = created.get(slug, 0) + 1
    double = sum(1 for key in executed if created.get(key.lower(), 0) > 1)
    missing_writes = sum(1 for key in executed if created.get(key.lower(), 0) == 0)
    split_ids = sum(1 for ids in executed.values() if len(ids) > 1)

    # webhooks: every tag.created delivered, signatures verified by the receiver
    expected = {key.lower() for key in executed}
    deadline = time.time() + 120
    while True:
        lines = call("GET", f"{args.receiver}/_ids/{hook}").body.decode().split("\n")
        got = {}
        for line in filter(None, lines):
            webhook_id, slug = line.split(" ", 1)
            got.setdefault(slug, set()).add(webhook_id)
        lost = len(expected - set(got))
        if lost == 0 or time.time() > deadline:
            break
        time.sleep(2)
    summary = call("GET", f"{args.receiver}/_summary/{hook}").json()
    duplicates = summary["deliveries"] - summary["distinctIds"]

    audit = until_ok("audit verify", lambda: call("POST", args.balancer + "/api/v1/audit/verify", admin),
                     budget=120).json()
    refused_ms = revocation(admin)

    figures = [
        ("governed writes (keys)", len(executed)),
        ("double executions for one key", double),
        ("keys answered with two execution ids", split_ids),
        ("writes missing from the feed", missing_writes),
        ("feed changes in this run", len(positions)),
        ("feed gaps", gaps),
        ("feed repeats", repeats),
        ("walker repeats", walker_repeats),
        ("walker missed", walker_missing),
        ("webhook events expected", len(expected)),
        ("webhook events lost", lost),
        ("webhook duplicate deliveries", duplicates),
        ("webhook deliveries failing verification", summary["unverified"]),
        ("runs", len(runs)),
        ("runs not terminal", sum(1 for s in states.values() if s not in ("succeeded", "failed", "timed_out", "cancelled"))),
        ("runs succeeded", sum(1 for s in states.values() if s == "succeeded")),
        ("run workspaces left", len(left)),
        ("audit chain valid", audit.get("valid")),
        ("audit records checked", audit.get("checked")),
        ("revoked: node1 refused after ms", None if refused_ms[0] is None else round(refused_ms[0])),
        ("revoked: node2 refused after ms", None if refused_ms[1] is None else round(refused_ms[1])),
        ("console session on the other node", console_elsewhere),
    ]
    if console_survived is not None:
        figures.append(("console session after its node was killed", console_survived))
    print()
    for name, value in figures:
        print(f"{name:45} {value}")
    print()
    for name in sorted(counts):
        print(f"{name:45} {counts[name]}")

    bad = list(failures)
    if double or split_ids or missing_writes:
        bad.append("a key executed twice, or a write is missing from the feed")
    if gaps or repeats or walker_repeats or walker_missing:
        bad.append("the feed has gaps or repeats")
    if lost or summary["unverified"]:
        bad.append("webhook events lost or unverified")
    if left or any(s not in ("succeeded", "failed", "timed_out", "cancelled") for s in states.values()):
        bad.append("a run did not end or left its workspace")
    if not audit.get("valid"):
        bad.append("the audit chain does not verify")
    if any(ms is None or ms > 1000 for ms in refused_ms):
        bad.append("a revoked credential was accepted for more than 1 s")
    if not console_elsewhere or console_survived is False:
        bad.append("the console session did not survive")
    if bad:
        print("FAILED:\n  " + "\n  ".join(bad))
        return 1
    print("all invariants held")
    return 0


if __name__ == "__main__":
    sys.exit(main())
