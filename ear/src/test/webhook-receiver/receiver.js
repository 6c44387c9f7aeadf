// Loopback webhook receiver for Agentry's integration tests. Every delivery is checked with the
// independent `standardwebhooks` package, never with Agentry's own code.
//
//   POST /hooks/<name>?status=&retryAfter=&location=&delayMs=
//                                                        a delivery; answers `status` (default 204),
//                                                        after `delayMs` when given
//   GET  /_summary/<name>                                counts only: deliveries, distinct ids, first/middle/last time
//   GET  /_ids/<name>                                    one line per delivery: webhook-id and the record's slug
//   PUT  /_secrets/<name>   {"secrets": [...]}           the secrets deliveries to <name> must verify with
//   GET  /_received/<name>                               what arrived, with each secret's verdict
//   POST /_verify  {"secret", "body", "headers"}         verifies a (possibly tampered) delivery
'use strict';
const http = require('http');
const { Webhook } = require('standardwebhooks');

const secrets = new Map();
const received = new Map();

function verify(secret, body, headers) {
  try {
    new Webhook(secret).verify(body, headers);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: String(e && e.message ? e.message : e) };
  }
}

function reply(res, status, json) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(json === undefined ? '' : JSON.stringify(json));
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url, 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean);
    if (req.method === 'POST' && parts[0] === 'hooks' && parts[1]) {
      const name = parts[1];
      const headers = {
        'webhook-id': req.headers['webhook-id'],
        'webhook-timestamp': req.headers['webhook-timestamp'],
        'webhook-signature': req.headers['webhook-signature'],
      };
      const verdicts = (secrets.get(name) || []).map((s) => verify(s, body, headers));
      const list = received.get(name) || [];
      list.push({ headers, body, verdicts, at: Date.now() });
      received.set(name, list);
      const status = Number(url.searchParams.get('status') || 204);
      const extra = {};
      if (url.searchParams.get('retryAfter')) extra['Retry-After'] = url.searchParams.get('retryAfter');
      if (url.searchParams.get('location')) extra['Location'] = url.searchParams.get('location');
      const answer = () => {
        res.writeHead(status, extra);
        res.end(status >= 400 ? 'receiver says ' + status : '');
      };
      const delay = Number(url.searchParams.get('delayMs') || 0);
      if (delay > 0) setTimeout(answer, delay); else answer();
    } else if (req.method === 'PUT' && parts[0] === '_secrets' && parts[1]) {
      secrets.set(parts[1], JSON.parse(body).secrets);
      reply(res, 204);
    } else if (req.method === 'GET' && parts[0] === '_received' && parts[1]) {
      reply(res, 200, received.get(parts[1]) || []);
    } else if (req.method === 'GET' && parts[0] === '_summary' && parts[1]) {
      const list = received.get(parts[1]) || [];
      const ids = new Set(list.map((d) => d.headers['webhook-id']));
      const bodies = new Set(list.map((d) => d.body));
      reply(res, 200, {
        deliveries: list.length,
        distinctIds: ids.size,
        distinctBodies: bodies.size,
        unverified: list.filter((d) => !d.verdicts.some((v) => v.ok)).length,
        first: list.length ? list[0].at : null,
        middle: list.length ? list[Math.floor(list.length / 2)].at : null,
        last: list.length ? list[list.length - 1].at : null,
      });
    } else if (req.method === 'GET' && parts[0] === '_ids' && parts[1]) {
      const list = received.get(parts[1]) || [];
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      const slug = (d) => {
        try {
          return JSON.parse(d.body).data.snapshot.slug;
        } catch (e) {
          return '-';
        }
      };
      res.end(list.map((d) => d.headers['webhook-id'] + ' ' + slug(d)).join('\n') + '\n');
    } else if (req.method === 'POST' && parts[0] === '_verify') {
      const asked = JSON.parse(body);
      reply(res, 200, verify(asked.secret, asked.body, asked.headers));
    } else {
      reply(res, 404, { error: 'no such route' });
    }
  });
});

server.listen(Number(process.argv[2] || 0), '127.0.0.1', () => {
  console.log('listening ' + server.address().port);
});
