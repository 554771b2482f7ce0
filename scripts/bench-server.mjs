// `npm run bench` (server part): whole change-phone flows through the reference server over HTTP on
// 127.0.0.1, on embedded PGlite and, where PostgreSQL is installed, on a throwaway PostgreSQL
// cluster. Prints flows per second and the p95 latency per route. Bounded in count and time;
// printed, never asserted (the figures depend on the machine and its load).
// Needs the server built (server/dist); scripts/bench.mjs builds it first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findPostgresBinaries, startPostgresCluster } from '../server/scripts/postgres-cluster.mjs';

const MAX_FLOWS = 60;
const MAX_SECONDS = 20;
const CONCURRENCY = 6;
const ROUTES = [
  'POST /email-code',
  'POST /email-code/verify',
  'GET /status',
  'POST /phone/code',
  'POST /phone/verify',
  'POST /phone/recovery-code/acknowledge',
];

const server = await import('../server/dist/index.js');

function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function benchEngine(label, open) {
  const opened = await open();
  const inbox = server.createDevInbox(10_000);
  const { db } = opened;
  const secret = 'bench-secret-0123456789abcdef0123456789';
  const app = server.createTwoFactorApp({
    db,
    provider: server.createFakeProvider({ db, secret, inbox }),
    getUser: (request) => {
      const id = request.headers.get('x-bench-user');
      return id ? { id, email: `${id}@example.com` } : null;
    },
    sendEmail: (message) => {
      if (message.kind === 'step-up-code') inbox.add({ channel: 'email', to: message.to, code: message.code, text: '' });
    },
    secret,
    // One client address for every simulated user: lift the per-IP cap, keep the others.
    limits: { sendsPerIp: { max: 1_000_000, windowSeconds: 3600 } },
  });
  const listening = await server.listen(app);
  const timings = Object.fromEntries(ROUTES.map((route) => [route, []]));
  const codeFor = (channel, to) => inbox.list().find((m) => m.channel === channel && m.to === to)?.code;

  async function call(user, method, path, body) {
    const started = performance.now();
    const response = await fetch(listening.url + path, {
      method,
      headers: { 'x-bench-user': user, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    timings[`${method} ${path}`].push(performance.now() - started);
    if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}`);
    return text ? JSON.parse(text) : undefined;
  }

  async function flow(index) {
    const user = `bench-${label}-${index}`;
    const phoneNumber = `+1415555${String(1000 + index).padStart(4, '0')}`;
    await call(user, 'POST', '/email-code', {});
    await call(user, 'POST', '/email-code/verify', { code: codeFor('email', `${user}@example.com`) });
    await call(user, 'GET', '/status');
    await call(user, 'POST', '/phone/code', { phoneNumber, channel: 'sms' });
    await call(user, 'POST', '/phone/verify', { phoneNumber, code: codeFor('sms', phoneNumber), replacesCurrent: false });
    await call(user, 'POST', '/phone/recovery-code/acknowledge', {});
  }

  const deadline = performance.now() + MAX_SECONDS * 1000;
  let next = 0;
  let completed = 0;
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < MAX_FLOWS && performance.now() < deadline) {
          await flow(next++);
          completed += 1;
        }
      }),
    );
  } finally {
    await listening.close();
    await opened.close();
  }
  const seconds = (performance.now() - started) / 1000;
  return { label, completed, seconds, timings };
}

const results = [];
const pgliteDir = mkdtempSync(join(tmpdir(), 'tfa-bench-pglite-'));
try {
  results.push(await benchEngine('PGlite', () => server.openDatabase({ dataDir: pgliteDir, url: '' })));
} finally {
  rmSync(pgliteDir, { recursive: true, force: true });
}
const bindir = findPostgresBinaries();
let skipped = null;
if (bindir) {
  const cluster = await startPostgresCluster(bindir);
  try {
    results.push(await benchEngine('PostgreSQL', () => server.openDatabase({ url: cluster.url })));
  } finally {
    cluster.stop();
  }
} else {
  skipped = 'PostgreSQL: skipped (no initdb/pg_ctl found; set PG_BINDIR or install postgresql)';
}

const lines = [`reference server (127.0.0.1, fake provider, ${CONCURRENCY} concurrent flows, at most ${MAX_FLOWS} flows or ${MAX_SECONDS} s each)`];
lines.push(`  ${'engine'.padEnd(11)} ${'flows'.padStart(5)} ${'flows/s'.padStart(8)}`);
for (const { label, completed, seconds } of results) {
  lines.push(`  ${label.padEnd(11)} ${String(completed).padStart(5)} ${(completed / seconds).toFixed(1).padStart(8)}`);
}
lines.push(`  p95 latency per route (ms)`);
lines.push(`  ${'route'.padEnd(40)} ${results.map((r) => r.label.padStart(11)).join(' ')}`);
for (const route of ROUTES) {
  lines.push(`  ${route.padEnd(40)} ${results.map((r) => percentile(r.timings[route], 95).toFixed(1).padStart(11)).join(' ')}`);
}
if (skipped) lines.push(`  ${skipped}`);
process.stdout.write(`${lines.join('\n')}\n`);
