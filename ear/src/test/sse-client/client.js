// A real EventSource on GET /runs/{id}/events for the integration tests.
// node client.js <url> <bearer token> <Last-Event-ID or -> <max events or 0>
// Prints one JSON line per event ({id, type, data}), then "end" after the terminal status event, or
// "stopped" after max events (closing the connection as a browser tab would), or {"error": status}.
const {EventSource} = require('eventsource');

const [url, token, lastEventId, maxArg] = process.argv.slice(2);
const max = Number(maxArg || 0);
const TYPES = ['status', 'booting', 'running', 'turn', 'message', 'tool_call', 'loop_ended',
  'collecting_artifacts', 'artifacts'];
const TERMINAL = ['succeeded', 'failed', 'timed_out', 'cancelled'];

const source = new EventSource(url, {
  fetch: (input, init) => fetch(input, {
    ...init,
    headers: {
      ...init.headers,
      Authorization: 'Bearer ' + token,
      ...(lastEventId && lastEventId !== '-' ? {'Last-Event-ID': lastEventId} : {}),
    },
  }),
});
let seen = 0;
for (const type of TYPES) {
  source.addEventListener(type, (event) => {
    const data = JSON.parse(event.data);
    console.log(JSON.stringify({id: event.lastEventId, type: event.type, data}));
    seen++;
    if (type === 'status' && TERMINAL.includes(data.data.status)) {
      console.log('end');
      source.close();
      process.exit(0);
    }
    if (max > 0 && seen >= max) {
      console.log('stopped');
      source.close();
      process.exit(0);
    }
  });
}
source.addEventListener('error', (event) => {
  if (event.code) {
    console.log(JSON.stringify({error: event.code}));
    source.close();
    process.exit(2);
  }
});
setTimeout(() => {
  console.log('timeout');
  process.exit(3);
}, 60000);
