import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '@rz/infra';
import { createTestDatabase, testEnv, type TestDatabase } from '@rz/test-support';
import WebSocket from 'ws';

/**
 * SIGTERM to a built gateway and a built subgraph, in development mode (where Apollo Server would
 * install its own signal handlers): each reports not-ready while it still serves, lets the request
 * in flight finish, closes its WebSockets with 1001 and exits 0 after its cleanup.
 */
const ROOT = join(__dirname, '..', '..');
const DELAY_MS = 3_000;

interface Service {
  child: ChildProcess;
  base: string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
}

async function launch(entry: string, env: Record<string, string>): Promise<Service> {
  const port = await freePort();
  const { PATH, HOME } = process.env;
  const child = spawn(process.execPath, [join(ROOT, entry)], {
    env: { PATH, HOME, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', AUTH_JWKS_FILE: testEnv().jwksFile, EVIDENCE_SECRET: testEnv().evidenceSecret, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  // A built process starts in seconds, but slower on a machine shared with other test runs.
  for (const deadline = Date.now() + 150_000; Date.now() < deadline && child.exitCode === null; ) {
    const ready = await fetch(`${base}/ready`).catch(() => null);
    if (ready?.ok) return { child, base, exit, output: () => output };
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`${entry} did not get ready:\n${output}`);
}

/** A graphql-ws connection, acknowledged; resolves `closed` with the close code. */
async function openSocket(base: string): Promise<{ closed: Promise<number> }> {
  const socket = new WebSocket(`${base.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    socket.on('message', (raw) => JSON.parse(String(raw)).type === 'connection_ack' && resolve());
    socket.once('error', reject);
    closed.then((code) => reject(new Error(`closed with ${code} before ack`)));
  });
  return { closed };
}

/** A POST whose body is only half sent: in flight until `finish`. */
function halfSentQuery(base: string, query: string): { finish(): Promise<{ status: number; body: any }> } {
  const body = Buffer.from(JSON.stringify({ query }));
  let answer!: Promise<{ status: number; body: any }>;
  const req = request(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } });
  answer = new Promise((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
  });
  req.write(body.subarray(0, 5));
  return {
    finish() {
      req.end(body.subarray(5));
      return answer;
    },
  };
}

async function waitForStatus(url: string, status: number): Promise<{ status: number; body: any }> {
  for (let i = 0; i < 100; i += 1) {
    const res = await fetch(url);
    if (res.status === status) return { status, body: await res.json() };
    await sleep(20);
  }
  throw new Error(`${url} never answered ${status}`);
}

async function shutsDownGracefully(service: Service, query: string, expected: unknown): Promise<void> {
  const socket = await openSocket(service.base);
  const inFlight = halfSentQuery(service.base, query);
  await sleep(100);
  service.child.kill('SIGTERM');

  // Not ready at once, while still serving.
  const ready = await waitForStatus(`${service.base}/ready`, 503);
  expect(ready.body.status).toBe('unavailable');
  expect((await fetch(`${service.base}/health`)).status).toBe(200);

  // After the delay, it drains: WebSockets are told it is going away...
  expect(await socket.closed).toBe(1001);
  // ...and the request still in flight is answered before the process ends.
  expect(service.child.exitCode).toBeNull();
  const answer = await inFlight.finish();
  expect(answer).toEqual({ status: 200, body: expected });
  expect(await service.exit).toEqual({ code: 0, signal: null });
  expect(service.output()).not.toMatch(/did not stop cleanly/);
}

describe('graceful shutdown on SIGTERM', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  it('the gateway: 503 on /ready while draining, the request in flight answered, sockets closed with 1001, exit 0', async () => {
    // No subgraph is needed: the gateway's readiness is its own, and __typename is answered by the gateway.
    const gateway = await launch('gateway/dist/main.js', {
      NODE_ENV: 'development',
      SHUTDOWN_DELAY_MS: String(DELAY_MS),
      DASHBOARD_DIR: '',
      EVIDENCE_DIR: mkdtempSync(join(tmpdir(), 'rz-evidence-')),
      SUBGRAPH_HOST: '127.0.0.1',
    });
    try {
      await shutsDownGracefully(gateway, '{ __typename }', { data: { __typename: 'Query' } });
    } finally {
      gateway.child.kill('SIGKILL');
    }
  }, 240_000);

  it('a subgraph (atameken): the same, and its database work done before it exits', async () => {
    const atameken = await launch('subgraphs/atameken/dist/main.js', {
      NODE_ENV: 'development',
      SHUTDOWN_DELAY_MS: String(DELAY_MS),
      DATABASE_URL: database.subgraphs.find((s) => s.name === 'atameken')!.url,
    });
    try {
      await shutsDownGracefully(atameken, '{ initiatives(first: 1) { totalCount } }', { data: { initiatives: { totalCount: 0 } } });
    } finally {
      atameken.child.kill('SIGKILL');
    }
  }, 240_000);
});
