// The SSE bench's client (bench/sse.sh): SUBSCRIBERS real EventSources (the eventsource package, as in
// the integration tests) spread over the given runs' GET /runs/{id}/events, each from the first event.
// For every subscriber it checks that every event arrived, once, in order, up to the terminal one; for
// every event sent live (committed after the subscriber connected) it takes event-to-client latency:
// arrival time minus the event's "at" (server and client share this machine's clock).
//   node sse-load.js BASE TOKEN RUN_IDS(comma-separated) SUBSCRIBERS TIMEOUT_SECONDS
// Prints one JSON object: {subscribers, complete, incomplete:[...], events, liveEvents, p50Ms, p99Ms, maxMs}.
const {EventSource} = require('eventsource');

const [base, token, runList, subscribersArg, timeoutArg] = process.argv.slice(2);
const runs = runList.split(',');
const subscribers = Number(subscribersArg);
const TYPES = ['status', 'booting', 'running', 'turn', 'message', 'tool_call', 'loop_ended',
  'collecting_artifacts', 'artifacts'];
const TERMINAL = ['succeeded', 'failed', 'timed_out', 'cancelled'];
const latencies = [];
const results = [];
let events = 0;

function subscribe(index) {
  return new Promise((resolve) => {
    const run = runs[index % runs.length];
    const state = {run, index, last: 0, gaps: 0, ended: false, error: null, connectedAt: 0};
    const source = new EventSource(base + '/api/v1/runs/' + run + '/events', {
      fetch: (input, init) => fetch(input, {...init, headers: {...init.headers, Authorization: 'Bearer ' + token}}),
    });
    source.onopen = () => { if (!state.connectedAt) state.connectedAt = Date.now(); };
    const done = () => { source.close(); results.push(state); resolve(); };
    for (const type of TYPES) {
      source.addEventListener(type, (event) => {
        const now = Date.now();
        const data = JSON.parse(event.data);
        events++;
        if (data.seq !== state.last + 1) state.gaps++;
        state.last = data.seq;
        const at = Date.parse(data.at);
        if (state.connectedAt && at >= state.connectedAt) latencies.push(now - at);
        if (type === 'status' && TERMINAL.includes(data.data.status)) {
          state.ended = true;
          done();
        }
      });
    }
    source.addEventListener('error', (event) => {
      if (event.code) { state.error = event.code; done(); }
    });
    setTimeout(() => { if (!state.ended && !state.error) { state.error = 'timeout'; done(); } },
      Number(timeoutArg) * 1000);
  });
}

Promise.all(Array.from({length: subscribers}, (_, i) => subscribe(i))).then(() => {
  latencies.sort((a, b) => a - b);
  const pick = (q) => latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] : null;
  const incomplete = results.filter((s) => !s.ended || s.gaps > 0 || s.error)
    .map((s) => ({run: s.run, subscriber: s.index, last: s.last, gaps: s.gaps, error: s.error}));
  console.log(JSON.stringify({
    subscribers, complete: subscribers - incomplete.length, incomplete: incomplete.slice(0, 10), events,
    liveEvents: latencies.length, p50Ms: pick(0.5), p99Ms: pick(0.99), maxMs: latencies[latencies.length - 1] ?? null,
  }));
  process.exit(incomplete.length ? 1 : 0);
});
