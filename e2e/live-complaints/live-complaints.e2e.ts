import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { gql, startTestSystem, type TestSystem, testToken, subscribe, wsClient } from '@rz/test-support';
import { createClient as createSseClient } from 'graphql-sse';
import { changeStatus, fileComplaint, gatewayStats, readMultipart, readUntil } from './complaints.support';

const ALMATY_LIVE = `subscription($territory: ID, $complaint: ID, $after: String) {
  complaintStatusChanged(territory: $territory, complaint: $complaint, after: $after) {
    cursor
    complaint { id status topic territory { name } monument { name(lang: EN) condition } }
    from to at by comment
  }
}`;

/** Live complaint status through the gateway: real processes, real graphql-ws clients. */
describe('live complaint status through the gateway', () => {
  let system: TestSystem;
  let officer: string;
  let author: string;
  let monumentId: string;
  const clients: Client[] = [];
  const client = (url: string, token?: string, options = {}) => {
    const c = wsClient(url, token, options);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    system = await startTestSystem({ gatewayEnv: { SUBSCRIPTION_MAX_BUFFERED_EVENTS: '20' } });
    officer = await testToken({ roles: ['akimat_officer'], territory: '750000000', subject: 'officer-live' });
    author = await testToken({ roles: ['citizen'], subject: 'author-live' });
    const { stableId } = await import('@rz/subgraph-runtime');
    monumentId = stableId('monument:KZH049'); // demo: Building of the Academy of Sciences, Almaty
  }, 180_000);
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });
  afterAll(() => system?.close());

  it('streams a change in Almaty with fields from another subgraph, and no personal data', async () => {
    const live = subscribe(client(system.gatewayUrl), ALMATY_LIVE, { territory: '750000000' });
    await sleep(300);
    const id = await fileComplaint(system.gatewayUrl, author, { topic: 'MONUMENT_DAMAGE', territory: '751710000', monument: monumentId });
    await changeStatus(system.gatewayUrl, officer, id, 'ACCEPTED', 'Передано в управление культуры');
    const [filed, accepted] = await live.take(2);
    expect(filed.errors).toBeUndefined();
    expect(filed.data!.complaintStatusChanged).toMatchObject({ from: null, to: 'SUBMITTED', complaint: { id, topic: 'MONUMENT_DAMAGE' } });
    expect(accepted.data!.complaintStatusChanged).toMatchObject({
      from: 'SUBMITTED',
      to: 'ACCEPTED',
      by: 'AKIMAT_OFFICER',
      comment: 'Передано в управление культуры',
      complaint: { id, status: 'ACCEPTED', territory: { name: expect.any(String) }, monument: { name: 'Building of the Academy of Sciences' } },
    });
    expect(JSON.stringify(live.results)).not.toContain('author-live');
  });

  it('shares one upstream subscription among identical public subscribers', async () => {
    // Earlier tests' subscriptions close asynchronously: start from an idle gateway.
    let before = await gatewayStats(system.gatewayUrl);
    for (let i = 0; i < 50 && before.upstream > 0; i += 1) {
      await sleep(100);
      before = await gatewayStats(system.gatewayUrl);
    }
    expect(before).toMatchObject({ upstream: 0, downstream: 0 });
    const subs = Array.from({ length: 50 }, () => subscribe(client(system.gatewayUrl), ALMATY_LIVE, { territory: '751710000' }));
    let during = await gatewayStats(system.gatewayUrl);
    for (let i = 0; i < 100 && during.downstream - before.downstream < 50; i += 1) {
      await sleep(100);
      during = await gatewayStats(system.gatewayUrl);
    }
    expect(during.upstream - before.upstream).toBe(1);
    expect(during.downstream - before.downstream).toBe(50);
    const id = await fileComplaint(system.gatewayUrl, author, { territory: '751710000' });
    const received = await Promise.all(subs.map((s) => s.take(1)));
    expect(received.every((r) => r[0].data!.complaintStatusChanged.complaint.id === id)).toBe(true);
  });

  it('shares a public selection across viewers (one upstream, run anonymously); a citizen’s note reaches only those who may read it', async () => {
    const territory = '751910000';
    const other = await testToken({ roles: ['citizen'], subject: 'someone-else-live' });
    const PUBLIC = `subscription($territory: ID) { complaintStatusChanged(territory: $territory) { cursor to complaint { id } } }`;
    // Earlier tests' subscriptions close asynchronously: start from an idle gateway.
    let before = await gatewayStats(system.gatewayUrl);
    for (let i = 0; i < 50 && before.upstream > 0; i += 1) {
      await sleep(100);
      before = await gatewayStats(system.gatewayUrl);
    }
    expect(before).toMatchObject({ upstream: 0, downstream: 0 });
    const shared = [undefined, other, officer].map((token) => subscribe(client(system.gatewayUrl, token), PUBLIC, { territory }));
    let during = await gatewayStats(system.gatewayUrl);
    for (let i = 0; i < 100 && during.downstream - before.downstream < 3; i += 1) {
      await sleep(100);
      during = await gatewayStats(system.gatewayUrl);
    }
    expect(during.upstream - before.upstream).toBe(1);
    const head = (await gql(system.gatewayUrl, '{ complaintStatusChangedCursor }')).data!.complaintStatusChangedCursor;
    const id = await fileComplaint(system.gatewayUrl, author, { territory });
    for (const status of ['ACCEPTED', 'IN_PROGRESS', 'RESOLVED']) await changeStatus(system.gatewayUrl, officer, id, status);
    const reopened = await gql(system.gatewayUrl, `mutation($id: ID!) { reopenComplaint(id: $id, reason: "Опять темно, звоните 8 701 111 22 33") { status } }`, { id }, author);
    expect(reopened.errors).toBeUndefined();
    for (const live of shared) expect((await live.take(5)).map((r) => r.data!.complaintStatusChanged.to)).toEqual(['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'IN_PROGRESS']);
    // `comment` depends on the viewer: each gets what they could query, and the reason reaches only the akimat and the author.
    const notes = async (token?: string) => {
      const live = subscribe(client(system.gatewayUrl, token), ALMATY_LIVE, { complaint: id, after: head });
      return (await live.take(5))[4].data!.complaintStatusChanged.comment;
    };
    expect(await notes()).toBeNull();
    expect(await notes(other)).toBeNull();
    expect(await notes(officer)).toMatch(/Опять темно/);
    expect(await notes(author)).toMatch(/Опять темно/);
  });

  it('serves SSE (graphql-sse) and multipart HTTP clients the same events as a WebSocket client; SSE resumes after Last-Event-ID', async () => {
    const territory = '710000000';
    const LIVE = `subscription($territory: ID, $after: String) { complaintStatusChanged(territory: $territory, after: $after) { cursor from to complaint { id territory { code } } } }`;
    const head = (await gql(system.gatewayUrl, '{ complaintStatusChangedCursor }')).data!.complaintStatusChangedCursor;
    const variables = { territory, after: head };
    const overWs = subscribe(client(system.gatewayUrl), LIVE, variables);

    const sse = createSseClient({ url: system.gatewayUrl.replace(/\/graphql$/, '/graphql/stream'), retryAttempts: 0 });
    const overSse: unknown[] = [];
    const sseDone = (async () => {
      for await (const result of sse.iterate({ query: LIVE, variables })) {
        overSse.push(result);
        if (overSse.length === 3) break;
      }
    })();

    const multipart = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed;subscriptionSpec="1.0", application/json' },
      body: JSON.stringify({ query: LIVE, variables }),
    });
    expect(multipart.headers.get('content-type')).toMatch(/^multipart\/mixed; boundary="graphql"; subscriptionSpec="1.0"/);
    const overMultipart = readMultipart(multipart.body!);

    for (let i = 0; i < 3; i += 1) await fileComplaint(system.gatewayUrl, author, { territory });
    const expected = await overWs.take(3);
    await sseDone;
    const parts = await overMultipart.take(3);
    expect(overSse).toEqual(expected);
    expect(parts.map((p) => p.payload)).toEqual(expected);
    overMultipart.cancel();
    sse.dispose();

    // An EventSource that reconnects sends the id of the last event it saw: the stream resumes after it.
    const resumed = await fetch(system.gatewayUrl.replace(/\/graphql$/, '/graphql/stream'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'last-event-id': expected[0].data!.complaintStatusChanged.cursor },
      body: JSON.stringify({ query: LIVE, variables: { territory } }),
    });
    const text = await readUntil(resumed.body!, (t) => (t.match(/^event: next/gm) ?? []).length >= 2);
    const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => m[1]);
    expect(ids).toEqual(expected.slice(1).map((r) => r.data!.complaintStatusChanged.cursor));
  });

  it('resumes after the complaints subgraph is killed: every event exactly once, in order', async () => {
    const id = await fileComplaint(system.gatewayUrl, author, { territory: '751110000' });
    const live = subscribe(client(system.gatewayUrl), ALMATY_LIVE, { complaint: id });
    await sleep(300);
    await changeStatus(system.gatewayUrl, officer, id, 'ACCEPTED');
    await live.take(1);
    await system.restart('atameken', 'SIGKILL');
    await changeStatus(system.gatewayUrl, officer, id, 'IN_PROGRESS');
    await changeStatus(system.gatewayUrl, officer, id, 'RESOLVED', 'Освещение восстановлено');
    const all = await live.take(3, 30_000);
    await sleep(500);
    expect(live.results.map((r) => r.data!.complaintStatusChanged.to)).toEqual(['ACCEPTED', 'IN_PROGRESS', 'RESOLVED']);
    const cursors = all.map((r) => BigInt(r.data!.complaintStatusChanged.cursor));
    expect(cursors[0] < cursors[1] && cursors[1] < cursors[2]).toBe(true);
  }, 60_000);

  it('lets a client that was away resume from its last cursor with nothing lost or repeated', async () => {
    const id = await fileComplaint(system.gatewayUrl, author, { territory: '751210000' });
    const first = subscribe(client(system.gatewayUrl), ALMATY_LIVE, { complaint: id });
    await sleep(300);
    await changeStatus(system.gatewayUrl, officer, id, 'ACCEPTED');
    const [last] = await first.take(1);
    first.dispose();
    await changeStatus(system.gatewayUrl, officer, id, 'IN_PROGRESS');
    await changeStatus(system.gatewayUrl, officer, id, 'RESOLVED_BY_CITIZENS', 'Жители сами починили');
    const resumed = subscribe(client(system.gatewayUrl), ALMATY_LIVE, { complaint: id, after: last.data!.complaintStatusChanged.cursor });
    await resumed.take(2);
    await sleep(500);
    expect(resumed.results.map((r) => r.data!.complaintStatusChanged.to)).toEqual(['IN_PROGRESS', 'RESOLVED_BY_CITIZENS']);
  });

  it('survives a gateway restart: the client reconnects and resumes from its cursor', async () => {
    let cursor: string | null = null;
    const id = await fileComplaint(system.gatewayUrl, author, { territory: '751310000' });
    // Retries for up to a minute: a restarted gateway on a loaded machine can take longer than ten seconds.
    const reconnecting = client(system.gatewayUrl, undefined, { retryAttempts: 300, shouldRetry: () => true, retryWait: () => sleep(200) });
    const seen: string[] = [];
    const done = new Promise<void>((resolve, reject) => {
      reconnecting.subscribe(
        {
          query: ALMATY_LIVE,
          // graphql-ws re-sends this payload on reconnect: resume from the last event seen.
          get variables() {
            return { complaint: id, after: cursor };
          },
        },
        {
          next: (r: any) => {
            cursor = r.data.complaintStatusChanged.cursor;
            seen.push(r.data.complaintStatusChanged.to);
            if (seen.length === 3) resolve();
          },
          error: reject,
          complete: () => undefined,
        },
      );
    });
    await sleep(300);
    await changeStatus(system.gatewayUrl, officer, id, 'ACCEPTED');
    await sleep(300);
    await system.restart('gateway', 'SIGKILL');
    await changeStatus(system.gatewayUrl, officer, id, 'IN_PROGRESS');
    await changeStatus(system.gatewayUrl, officer, id, 'RESOLVED');
    await done;
    await sleep(300);
    expect(seen).toEqual(['ACCEPTED', 'IN_PROGRESS', 'RESOLVED']);
  }, 120_000);

  it('with two gateways and two atameken processes on one database, a change through either reaches both', async () => {
    const second = await startTestSystem({ database: system.database, seedDemo: false });
    try {
      // From the head read first, as a dashboard does: however long the subscriptions take to open, nothing is missed.
      const head = (await gql(second.gatewayUrl, '{ complaintStatusChangedCursor }')).data!.complaintStatusChangedCursor;
      const onFirst = subscribe(client(system.gatewayUrl), ALMATY_LIVE, { territory: '751410000', after: head });
      const onSecond = subscribe(client(second.gatewayUrl), ALMATY_LIVE, { territory: '751410000', after: head });
      const viaFirst = await fileComplaint(system.gatewayUrl, author, { territory: '751410000' });
      const viaSecond = await fileComplaint(second.gatewayUrl, author, { territory: '751410000' });
      for (const live of [onFirst, onSecond]) {
        const events = await live.take(2);
        expect(events.map((e) => e.data!.complaintStatusChanged.complaint.id)).toEqual([viaFirst, viaSecond]);
      }
    } finally {
      await second.close();
    }
  }, 120_000);

  it('drops a client that stops reading and keeps serving the others', async () => {
    const url = system.gatewayUrl.replace(/^http/, 'ws');
    const stalled = new WebSocket(url, 'graphql-transport-ws');
    await new Promise((resolve) => stalled.once('open', resolve));
    stalled.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise((resolve) => stalled.once('message', resolve));
    // Large events (25 copies of a 5000-character text) fill the kernel's socket buffers quickly;
    // only then can a client that does not read be told from a slow network.
    const copies = Array.from({ length: 25 }, (_, i) => `t${i}: complaint { text }`).join(' ');
    stalled.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `subscription { complaintStatusChanged(territory: "751510000") { cursor ${copies} } }` } }));
    await sleep(300);
    (stalled as unknown as { _socket: { pause(): void } })._socket.pause();
    const healthy = subscribe(client(system.gatewayUrl), ALMATY_LIVE, { territory: '751510000' });
    await sleep(300);
    const K = 80;
    const long = 'Подробное описание проблемы во дворе. '.repeat(130).slice(0, 5000);
    for (let i = 0; i < K; i += 1) await fileComplaint(system.gatewayUrl, author, { territory: '751510000', text: long });
    expect(await healthy.take(K, 60_000)).toHaveLength(K);
    // A paused client cannot notice its socket closing; the gateway's own count shows it was dropped.
    let stats = await gatewayStats(system.gatewayUrl);
    for (let i = 0; i < 100 && stats.downstream > 1; i += 1) {
      await sleep(200);
      stats = await gatewayStats(system.gatewayUrl);
    }
    expect(stats.downstream).toBe(1);
    stalled.terminate();
  }, 120_000);

  it('answers bad subscriptions with an error message and keeps the socket usable', async () => {
    const c = client(system.gatewayUrl);
    const unknownField = await subscribe(c, 'subscription { complaintStatusChanged { nope } }').failure();
    expect(String((unknownField[0] as { message: string }).message)).toContain('nope');
    const badTerritory = await subscribe(c, ALMATY_LIVE, { territory: '000000123' }).failure();
    expect(badTerritory[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'territory' } });
    const noPermission = await subscribe(c, 'subscription { complaintStatusChanged(mine: true) { cursor } }').failure();
    expect(noPermission[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const good = subscribe(c, ALMATY_LIVE, { territory: '751810000' });
    await sleep(300);
    const id = await fileComplaint(system.gatewayUrl, author, { territory: '751810000' });
    expect((await good.take(1))[0].data!.complaintStatusChanged.complaint.id).toBe(id);
  });
});
