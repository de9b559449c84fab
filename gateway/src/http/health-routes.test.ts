import { SUBGRAPHS, type SubgraphName } from '@rz/contract';
import { startStubSubgraphs, type StubSubgraphs } from '../testing/stub-subgraphs';
import { startTestGateway } from '../testing/test-gateway';
import { SubgraphHealth } from './health-routes';
import type { RunningGateway } from './server';

describe('gateway readiness and health', () => {
  let stub: StubSubgraphs;
  let gateway: RunningGateway;
  beforeAll(async () => {
    stub = await startStubSubgraphs();
    gateway = await startTestGateway(stub.url);
  });
  afterAll(async () => {
    await gateway?.stop();
    await stub?.close();
  });

  const get = async (path: string) => {
    const res = await fetch(new URL(path, gateway.url));
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };

  it('is ready on its own state while every subgraph is down, and asks none of them', async () => {
    stub.respond = () => 'hang-up';
    stub.requests.length = 0;
    const ready = await Promise.all(Array.from({ length: 50 }, () => get('/ready')));
    expect(ready.every((r) => r.status === 200 && r.body.status === 'ready' && r.body.supergraph === 'loaded')).toBe(true);
    expect(stub.requests).toEqual([]);
  });

  it('reports the subgraphs on /health, always 200', async () => {
    stub.respond = () => 'hang-up';
    const health = await get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', service: 'gateway' });
    expect(health.body.subgraphs).toEqual(Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, 'unreachable'])));
    expect(health.body.subgraphsCheckedAt).toEqual(expect.any(String));
  });

  it('answers 503 on /ready once draining for shutdown, still 200 on /health', async () => {
    await gateway.drain();
    const ready = await get('/ready');
    expect(ready).toEqual({ status: 503, body: { status: 'unavailable', supergraph: 'loaded', draining: true } });
    expect((await get('/health')).status).toBe(200);
  });
});

describe('SubgraphHealth: one round of probes per period, however many callers', () => {
  let stub: StubSubgraphs;
  beforeAll(async () => {
    stub = await startStubSubgraphs();
  });
  afterAll(() => stub?.close());
  beforeEach(() => {
    stub.requests.length = 0;
    stub.respond = () => ({ status: 'ok' });
  });

  const urls = (names: string[]) => Object.fromEntries(names.map((n) => [n, `${stub.url}/${n}/graphql`])) as Record<SubgraphName, string>;

  it('probes each subgraph once for 300 concurrent and later callers within the period', async () => {
    const health = new SubgraphHealth({ subgraphUrls: urls(['atameken', 'tarbie-bilim']), cacheMs: 600_000 });
    const answers = await Promise.all(Array.from({ length: 300 }, () => health.current()));
    await health.current();
    expect(health.rounds).toBe(1);
    expect(stub.requests).toHaveLength(2);
    expect(answers.every((a) => a.subgraphs.atameken === 'up' && a.subgraphs['tarbie-bilim'] === 'up')).toBe(true);
  });

  it('reports a subgraph that does not answer as unreachable, and one that errs by its status', async () => {
    stub.respond = (subgraph) => (subgraph === 'health' ? 'hang-up' : {});
    const down = new SubgraphHealth({ subgraphUrls: urls(['atameken']), cacheMs: 600_000 });
    expect((await down.current()).subgraphs).toEqual({ atameken: 'unreachable' });
    stub.respond = () => ({ httpStatus: 500 });
    const failing = new SubgraphHealth({ subgraphUrls: urls(['atameken']), cacheMs: 600_000 });
    expect((await failing.current()).subgraphs).toEqual({ atameken: 'status 500' });
  });

  it('probes again once the period is over (period 0: every call after the last round ended)', async () => {
    const health = new SubgraphHealth({ subgraphUrls: urls(['atameken']), cacheMs: 0 });
    await health.current();
    await health.current();
    expect(health.rounds).toBe(2);
  });
});
