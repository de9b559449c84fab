import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import express from 'express';
import { identicalOperations } from './identical-operations-middleware';

/**
 * The middleware in front of a handler that counts its executions and holds them until the test
 * has sent every request: identical queries in flight execute once, anything else runs on its own.
 */
describe('identical operations in flight', () => {
  let server: Server;
  let url: string;
  let executions: { body: unknown; authorization?: string }[] = [];
  let shared = 0;
  let release: () => void = () => undefined;
  let held: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    const app = express();
    app.use(express.json({ limit: '1mb' }));
    app.use((_req, res, next) => {
      res.setHeader('x-own', String(Math.random()));
      next();
    });
    app.post('/graphql', identicalOperations(() => (shared += 1)), async (req, res) => {
      executions.push({ body: req.body, authorization: req.headers.authorization });
      await held;
      res.setHeader('content-type', 'application/json');
      res.status(req.body.query.includes('missing') ? 400 : 200).send(JSON.stringify({ data: { n: executions.length, viewer: req.headers.authorization ?? null } }));
    });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    executions = [];
    shared = 0;
    held = new Promise((resolve) => (release = resolve));
  });

  const post = async (query: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    return { status: response.status, own: response.headers.get('x-own'), body: await response.json() };
  };
  /** Releases the handler once all `count` requests have executed or joined one in flight. */
  const releaseWhenAllArrived = async (count: number) => {
    while (executions.length + shared < count) await sleep(10);
    release();
  };

  it('lets a body too deeply nested to print as a key run on its own instead of failing', async () => {
    const deep = `{"query":"{ a }","variables":{"f":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}}`;
    release();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep });
    expect(response.status).toBe(200);
    expect(executions).toHaveLength(1);
  });

  it('executes concurrent identical queries once; each answer keeps its own headers', async () => {
    const answers = Array.from({ length: 4 }, () => post('{ a }'));
    await releaseWhenAllArrived(4);
    const results = await Promise.all(answers);
    expect(executions).toHaveLength(1);
    expect(shared).toBe(3);
    for (const result of results) expect(result).toMatchObject({ status: 200, body: { data: { n: 1, viewer: null } } });
    expect(new Set(results.map((r) => r.own)).size).toBe(4);
  });

  it('shares the status too', async () => {
    const answers = [post('{ missing }'), post('{ missing }')];
    await releaseWhenAllArrived(2);
    expect((await Promise.all(answers)).map((r) => r.status)).toEqual([400, 400]);
    expect(executions).toHaveLength(1);
  });

  it('never lets two viewers or two languages share an answer', async () => {
    const answers = [post('{ a }', { authorization: 'Bearer a' }), post('{ a }', { authorization: 'Bearer b' }), post('{ a }', { authorization: 'Bearer a', 'x-lang': 'ru' })];
    await releaseWhenAllArrived(3);
    expect((await Promise.all(answers)).map((r) => r.body.data.viewer)).toEqual(['Bearer a', 'Bearer b', 'Bearer a']);
    expect(executions).toHaveLength(3);
    expect(shared).toBe(0);
  });

  it('runs every mutation and subscription, and different documents, on their own', async () => {
    const answers = [post('mutation { a }'), post('mutation { a }'), post('{ b }'), post('{ c }'), post('query Q { a } mutation M { a }'), post('query Q { a } mutation M { a }')];
    await releaseWhenAllArrived(6);
    await Promise.all(answers);
    expect(executions).toHaveLength(6);
    expect(shared).toBe(0);
  });
});
