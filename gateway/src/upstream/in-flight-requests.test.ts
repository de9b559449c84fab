import { setTimeout as sleep } from 'node:timers/promises';
import type { IncomingHttpHeaders } from 'node:http';
import { testToken } from '@rz/test-support';
import type { RunningGateway } from '../http/server';
import { startStubSubgraphs, type StubSubgraphs } from '../testing/stub-subgraphs';
import { startTestGateway, subgraphCounter } from '../testing/test-gateway';

/**
 * In-flight deduplication through the real gateway, in front of a stub subgraph that holds its
 * answers until the test has sent everything: concurrent identical queries reach the subgraph once,
 * and anything that can change an answer (the token, the language) keeps requests apart.
 */
describe('identical subgraph requests in flight', () => {
  let stub: StubSubgraphs;
  let gateway: RunningGateway;
  let release: () => void;
  const MONUMENTS = '{ monuments(first: 2) { nodes { id name } } }';

  beforeAll(async () => {
    stub = await startStubSubgraphs();
    gateway = await startTestGateway(stub.url);
  });
  afterAll(async () => {
    await gateway?.stop();
    await stub?.close();
  });
  beforeEach(() => {
    stub.requests.length = 0;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Each answer names who asked, in which language: a shared answer would show it.
    stub.respond = async (_subgraph, body, headers: IncomingHttpHeaders) => {
      await held;
      if (body.query?.startsWith('mutation')) return { data: { supportFace: { id: 'f1' } } };
      const name = `${headers.authorization ?? 'anonymous'} ${headers['x-lang'] ?? ''}`.trim();
      return { data: { monuments: { nodes: [{ id: 'm1', name }] } } };
    };
  });

  const post = async (query: string, headers: Record<string, string> = {}) => {
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    return (await response.json()) as { data?: { monuments?: { nodes: { name: string }[] } }; errors?: unknown[] };
  };
  const deduplicated = (subgraph: string) => subgraphCounter(gateway, 'rz_subgraph_fetches_deduplicated_total', subgraph);
  /** Holds the subgraph's answers until all `count` requests have reached it or joined one in flight. */
  const releaseWhenAllArrived = async (subgraph: string, count: number, before: number) => {
    while (stub.requests.length + (await deduplicated(subgraph)) - before < count) await sleep(20);
    release();
  };

  it('sends concurrent identical queries once and gives every caller the answer', async () => {
    const before = await deduplicated('rukhani-qazyna');
    // Written differently, so the gateway executes each (identical operations run once: identical-operations-middleware.ts), planned alike.
    const answers = Array.from({ length: 5 }, (_, i) => post(MONUMENTS.replace('{ monuments', `{${' '.repeat(i + 1)}monuments`)));
    await releaseWhenAllArrived('rukhani-qazyna', 5, before);
    const bodies = await Promise.all(answers);
    expect(stub.requests).toHaveLength(1);
    expect((await deduplicated('rukhani-qazyna')) - before).toBe(4);
    for (const body of bodies) expect(body).toEqual({ data: { monuments: { nodes: [{ id: 'm1', name: 'anonymous' }] } } });
  });

  it('never lets two viewers share an answer, nor two languages', async () => {
    const [a, b] = await Promise.all([testToken({ roles: ['citizen'], subject: 'viewer-a' }), testToken({ roles: ['citizen'], subject: 'viewer-b' })]);
    const before = await deduplicated('rukhani-qazyna');
    const asked = [
      post(MONUMENTS, { authorization: `Bearer ${a}` }),
      post(MONUMENTS, { authorization: `Bearer ${b}` }),
      post(MONUMENTS, { authorization: `Bearer ${a}`, 'x-lang': 'ru' }),
    ];
    await releaseWhenAllArrived('rukhani-qazyna', 3, before);
    const names = (await Promise.all(asked)).map((body) => body.data?.monuments?.nodes[0].name);
    expect(names).toEqual([`Bearer ${a}`, `Bearer ${b}`, `Bearer ${a} ru`]);
    expect(stub.requests).toHaveLength(3);
    expect(await deduplicated('rukhani-qazyna')).toBe(before);
  });

  it('sends every mutation, even identical ones in flight together', async () => {
    const before = await deduplicated('aqparat-tolqyny');
    const mutation = 'mutation { supportFace(id: "f1") { id } }';
    const answers = [post(mutation), post(mutation)];
    await releaseWhenAllArrived('aqparat-tolqyny', 2, before);
    expect(await Promise.all(answers)).toEqual([{ data: { supportFace: { id: 'f1' } } }, { data: { supportFace: { id: 'f1' } } }]);
    expect(stub.requests).toHaveLength(2);
    expect(await deduplicated('aqparat-tolqyny')).toBe(before);
  });
});
