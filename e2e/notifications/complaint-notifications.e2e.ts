import { setTimeout as sleep } from 'node:timers/promises';
import { subgraphDbSchema } from '@rz/contract';
import { gql, startTestSystem, subscribe, type TestSystem, testToken, wsClient } from '@rz/test-support';
import type { Client as WsClient } from 'graphql-ws';
import { Client } from 'pg';
import { changeStatus, fileComplaint } from '../live-complaints/complaints.support';

/**
 * The first case end to end: a citizen files a complaint, an officer changes its status, and the
 * citizen's inbox and live feed (through the gateway) have it, in their language; nobody else's
 * inbox, socket or direct subgraph call ever shows it. Killing atameken while notifications wait
 * in its outbox loses none and repeats none.
 */
const MEDEU = '751710000';
const INBOX = `{ myNotifications(first: 50) { totalCount unreadCount nodes { id kind about { type id } title body path } } }`;
const ADDED = `subscription($after: String) { notificationAdded(after: $after) { id cursor kind about { id } title(lang: KK) } }`;

interface Entry {
  id: string;
  kind: string;
  about: { type: string; id: string };
  title: string;
  body: string;
  path: string;
}

describe('complaint notifications through the whole system', () => {
  let system: TestSystem;
  let author: string;
  let other: string;
  let officer: string;
  const sockets: WsClient[] = [];

  beforeAll(async () => {
    system = await startTestSystem({ seedDemo: false });
    author = await testToken({ subject: 'e2e-complaint-author', roles: ['citizen'] });
    other = await testToken({ subject: 'e2e-complaint-neighbour', roles: ['citizen'] });
    officer = await testToken({ subject: 'e2e-complaint-officer', roles: ['akimat_officer'], territory: '750000000' });
  }, 180_000);
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((s) => s.dispose()));
  });
  afterAll(() => system?.close());

  const socket = (token?: string) => {
    const s = wsClient(system.gatewayUrl, token);
    sockets.push(s);
    return s;
  };
  const notificationsUrl = () => `http://127.0.0.1:${system.subgraphPorts.notifications}/graphql`;

  /** The inbox, read as a Kazakh-speaking reader (x-lang) through the gateway, or directly from the subgraph. */
  async function inbox(token: string, url = system.gatewayUrl): Promise<{ totalCount: number; nodes: Entry[] }> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-lang': 'kk' },
      body: JSON.stringify({ query: INBOX }),
    });
    const res = (await response.json()) as { data?: { myNotifications: { totalCount: number; nodes: Entry[] } }; errors?: unknown };
    expect(res.errors).toBeUndefined();
    return res.data!.myNotifications;
  }

  /** Delivery is asynchronous (outbox, relay, intake): the entries about `id` once there are `count`, or as they stand after 60 s. */
  async function entriesAbout(token: string, id: string, count: number): Promise<Entry[]> {
    for (const deadline = Date.now() + 60_000; ; await sleep(200)) {
      const entries = (await inbox(token)).nodes.filter((e) => e.about.id === id);
      if (entries.length >= count || Date.now() > deadline) return entries;
    }
  }

  async function head(): Promise<string> {
    const res = await gql(system.gatewayUrl, '{ notificationAddedCursor }');
    expect(res.errors).toBeUndefined();
    return res.data!.notificationAddedCursor;
  }

  it('reaches the author’s inbox in their language and their live feed through the gateway, and no one else', async () => {
    const after = await head();
    const live = subscribe(socket(author), ADDED, { after });
    const othersLive = subscribe(socket(other), ADDED, { after });
    const id = await fileComplaint(system.gatewayUrl, author, { territory: MEDEU, text: 'Во дворе дома 7 сломаны качели, дети могут пораниться' });
    await changeStatus(system.gatewayUrl, officer, id, 'ACCEPTED');

    const received = await live.find((r) => r.data?.notificationAdded?.about.id === id, 60_000);
    expect(received.errors).toBeUndefined();
    expect(received.data!.notificationAdded).toMatchObject({ kind: 'COMPLAINT_STATUS_CHANGED', title: 'Өтінішіңіз: қабылданды', cursor: expect.stringMatching(/^\d+$/) });

    const [entry] = await entriesAbout(author, id, 1);
    expect(entry).toMatchObject({ kind: 'COMPLAINT_STATUS_CHANGED', about: { type: 'Complaint', id }, title: 'Өтінішіңіз: қабылданды', path: `/complaints/${id}` });
    expect(entry.body).toContain('Медеу');
    expect(JSON.stringify(entry)).not.toContain('качели');
    expect(entry.id).toBe(received.data!.notificationAdded.id);

    // The neighbour's own notification arrives on their socket after the author's: had the author's
    // been sent to them, it would have come first (one feed, in commit order).
    const theirs = await fileComplaint(system.gatewayUrl, other, { territory: MEDEU });
    await changeStatus(system.gatewayUrl, officer, theirs, 'ACCEPTED');
    await othersLive.find((r) => r.data?.notificationAdded?.about.id === theirs, 60_000);
    expect(othersLive.results.map((r) => r.data?.notificationAdded?.about.id)).toEqual([theirs]);
    expect(live.results.map((r) => r.data?.notificationAdded?.about.id)).not.toContain(theirs);

    // Neither the neighbour's inbox through the gateway nor a direct call to the subgraph with their token shows it.
    for (const url of [system.gatewayUrl, notificationsUrl()]) {
      const theirInbox = await inbox(other, url);
      expect(theirInbox.nodes.map((e) => e.about.id)).toEqual([theirs]);
    }
    const marking = await gql(notificationsUrl(), `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) { updated } }`, { ids: [entry.id] }, other);
    expect(marking.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'ids' });
    expect((await inbox(author)).unreadCount).toBeGreaterThanOrEqual(1);
  });

  it('refuses anonymous readers on the query and on the socket', async () => {
    const query = await gql(system.gatewayUrl, INBOX);
    expect(query.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const direct = await gql(notificationsUrl(), INBOX);
    expect(direct.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const refused = await subscribe(socket(), ADDED).failure(30_000);
    expect(refused).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
  });

  it('atameken killed while notifications wait in its outbox: after a restart each arrives exactly once', async () => {
    const atameken = system.database.subgraphs.find((s) => s.schema === subgraphDbSchema('atameken'))!;
    const notifications = system.database.subgraphs.find((s) => s.schema === subgraphDbSchema('notifications'))!;
    const id = await fileComplaint(system.gatewayUrl, author, { territory: MEDEU });
    // No intake: the relay keeps them in the outbox.
    const intake = system.services.get('notifications')!.child;
    const gone = new Promise((resolve) => intake.once('exit', resolve));
    intake.kill('SIGKILL');
    await gone;
    for (const to of ['ACCEPTED', 'IN_PROGRESS', 'RESOLVED']) await changeStatus(system.gatewayUrl, officer, id, to);

    const query = async (url: string, sql: string, params: unknown[]) => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    };
    // The author's three; the officers of the akimat it was routed to have their own COMPLAINT_ASSIGNED about it.
    const pending = await query(
      atameken.url,
      `SELECT count(*)::int AS n FROM notification_outbox WHERE delivered_at IS NULL AND event->'about'->>'id' = $1 AND event->>'kind' = 'COMPLAINT_STATUS_CHANGED'`,
      [id],
    );
    expect(pending[0].n).toBe(3);

    await system.restart('atameken', 'SIGKILL');
    await system.restart('notifications');
    const entries = await entriesAbout(author, id, 3);
    expect(entries.map((e) => e.title)).toEqual(['Өтінішіңіз: шешілді', 'Өтінішіңіз: орындалуда', 'Өтінішіңіз: қабылданды']);

    // Once the relay has marked all delivered, nothing more can come: the inbox still has each once.
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(200)) {
      const [{ n }] = await query(atameken.url, `SELECT count(*)::int AS n FROM notification_outbox WHERE delivered_at IS NULL AND event->'about'->>'id' = $1`, [id]);
      if (n === 0) break;
    }
    const stored = await query(notifications.url, `SELECT dedupe_key FROM notification WHERE about_id = $1 AND kind = 'COMPLAINT_STATUS_CHANGED'`, [id]);
    expect(stored).toHaveLength(3);
    expect(new Set(stored.map((r) => r.dedupe_key)).size).toBe(3);
    expect((await inbox(author)).nodes.filter((e) => e.about.id === id)).toHaveLength(3);
  });
});
