import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { signEvidenceId } from '@rz/schema';
import { startSubgraph, type RunningSubgraph } from '@rz/subgraph-runtime';
import { Client as PgClient } from 'pg';
import { gql, startTestSubgraph, type TestSubgraph, testEnv, testToken, subscribe, wsClient } from '@rz/test-support';
import { atameken } from '../../subgraph';
import { SlowSubscriberError } from './complaint-event.stream';

const EVENTS = `subscription($territory: ID, $complaint: ID, $topic: ComplaintTopic, $mine: Boolean, $after: String) {
  complaintStatusChanged(territory: $territory, complaint: $complaint, topic: $topic, mine: $mine, after: $after) {
    cursor from to at by comment complaint { id status topic territory { code } }
  }
}`;

/** Files a complaint through the public API, with one valid evidence id; returns its id. */
async function fileTestComplaint(url: string, token: string, territory: string, topic = 'PUBLIC_AMENITIES'): Promise<string> {
  const evidence = signEvidenceId(testEnv().evidenceSecret, createHash('sha256').update(`${territory}-${Math.random()}`).digest('hex'), 'photo');
  const res = await gql(
    url,
    `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } } }`,
    { input: { topic, text: 'Не работает уличное освещение во дворе', territory, evidence: [evidence] } },
    token,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.fileComplaint.complaint.id;
}

let subgraph: TestSubgraph;
let officer: string;
let citizen: string;
const clients: { dispose(): void | Promise<void> }[] = [];

beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
  officer = await testToken({ roles: ['akimat_officer'], territory: '750000000', subject: 'officer-almaty' });
  citizen = await testToken({ roles: ['citizen'], subject: 'citizen-events' });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(() => subgraph?.close());

function client(token?: string) {
  const c = wsClient(subgraph.url, token);
  clients.push(c);
  return c;
}

async function change(id: string, to: string, comment?: string) {
  const res = await gql(subgraph.url, `mutation($id: ID!, $to: ComplaintStatus!, $comment: String) { changeComplaintStatus(id: $id, to: $to, comment: $comment) { status } }`, { id, to, comment }, officer);
  expect(res.errors).toBeUndefined();
}

describe('complaintStatusChanged', () => {
  it('streams filings and status changes in a territory and below it, and nothing from elsewhere', async () => {
    const events = subscribe(client(), EVENTS, { territory: '750000000' });
    await sleep(200);
    const almaty = await fileTestComplaint(subgraph.url, citizen, '751710000');
    await fileTestComplaint(subgraph.url, citizen, '710000000');
    await change(almaty, 'ACCEPTED');
    await change(almaty, 'IN_PROGRESS', 'Бригада выехала');
    const results = await events.take(3);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    expect(results.map((r) => [r.data!.complaintStatusChanged.from, r.data!.complaintStatusChanged.to])).toEqual([
      [null, 'SUBMITTED'],
      ['SUBMITTED', 'ACCEPTED'],
      ['ACCEPTED', 'IN_PROGRESS'],
    ]);
    expect(results[2].data!.complaintStatusChanged).toMatchObject({
      by: 'AKIMAT_OFFICER',
      comment: 'Бригада выехала',
      complaint: { id: almaty, status: 'IN_PROGRESS', territory: { code: '751710000' } },
    });
    const cursors = results.map((r) => BigInt(r.data!.complaintStatusChanged.cursor));
    expect([...cursors].sort((a, b) => (a < b ? -1 : 1))).toEqual(cursors);
    await sleep(300);
    expect(events.results).toHaveLength(3);
    expect(JSON.stringify(events.results)).not.toContain('citizen-events');
  });

  it('filters by complaint id, by topic and by the caller\'s own complaints', async () => {
    const mine = await fileTestComplaint(subgraph.url, citizen, '750000000', 'ECOLOGY');
    const byId = subscribe(client(), EVENTS, { complaint: mine });
    const byTopic = subscribe(client(), EVENTS, { topic: 'ROADS' });
    const own = subscribe(client(citizen), EVENTS, { mine: true });
    await sleep(200);
    await fileTestComplaint(subgraph.url, await testToken({ roles: ['citizen'], subject: 'someone-else' }), '750000000', 'ROADS');
    await change(mine, 'ACCEPTED');
    expect((await byId.take(1))[0].data!.complaintStatusChanged).toMatchObject({ to: 'ACCEPTED', complaint: { id: mine } });
    expect((await byTopic.take(1))[0].data!.complaintStatusChanged).toMatchObject({ to: 'SUBMITTED', complaint: { topic: 'ROADS' } });
    expect((await own.take(1))[0].data!.complaintStatusChanged).toMatchObject({ to: 'ACCEPTED', complaint: { id: mine } });
    await sleep(300);
    expect([byId.results.length, byTopic.results.length, own.results.length]).toEqual([1, 1, 1]);
  });

  it('replays the events after a cursor, then continues live, with no gap and no repeat', async () => {
    const id = await fileTestComplaint(subgraph.url, citizen, '751110000');
    const first = subscribe(client(), EVENTS, { complaint: id });
    await sleep(200);
    await change(id, 'ACCEPTED');
    // A stream that reads the filing only after this subscriber joined delivers it too.
    const seen = await first.find((r) => r.data!.complaintStatusChanged.to === 'ACCEPTED');
    first.dispose();
    await change(id, 'IN_PROGRESS');
    await change(id, 'RESOLVED', 'Отремонтировано');

    const resumed = subscribe(client(), EVENTS, { complaint: id, after: seen.data!.complaintStatusChanged.cursor });
    const replayed = await resumed.take(2);
    await change(id, 'REJECTED', 'too late').catch(() => undefined); // RESOLVED -> REJECTED is refused: no event
    const reopenedLive = await gql(subgraph.url, `{ complaint(id: "${id}") { status } }`);
    expect(reopenedLive.data!.complaint.status).toBe('RESOLVED');
    expect(replayed.map((r) => r.data!.complaintStatusChanged.to)).toEqual(['IN_PROGRESS', 'RESOLVED']);

    const other = await fileTestComplaint(subgraph.url, citizen, '751110000');
    const live = subscribe(client(), EVENTS, { territory: '751110000', after: seen.data!.complaintStatusChanged.cursor });
    const all = await live.take(3);
    expect(all.map((r) => [r.data!.complaintStatusChanged.complaint.id, r.data!.complaintStatusChanged.to])).toEqual([
      [id, 'IN_PROGRESS'],
      [id, 'RESOLVED'],
      [other, 'SUBMITTED'],
    ]);
    await change(other, 'ACCEPTED');
    const more = await live.take(4);
    expect(more[3].data!.complaintStatusChanged).toMatchObject({ to: 'ACCEPTED', complaint: { id: other } });
    const cursors = more.map((r) => r.data!.complaintStatusChanged.cursor);
    expect(new Set(cursors).size).toBe(4);
  });

  it('answers bad subscriptions with an error message and keeps the socket usable', async () => {
    const c = client();
    const badTerritory = await subscribe(c, EVENTS, { territory: '999999999' }).failure();
    expect(badTerritory[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'territory' } });
    const badCursor = await subscribe(c, EVENTS, { after: 'yesterday' }).failure();
    expect(badCursor[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
    const unknownField = await subscribe(c, 'subscription { complaintStatusChanged { nope } }').failure();
    expect(String((unknownField[0] as { message: string }).message)).toMatch(/nope/);
    const noPermission = await subscribe(c, EVENTS, { mine: true }).failure();
    expect(noPermission[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });

    const good = subscribe(c, EVENTS, { territory: '790000000' });
    await sleep(200);
    await fileTestComplaint(subgraph.url, citizen, '790000000');
    expect((await good.take(1))[0].data!.complaintStatusChanged.to).toBe('SUBMITTED');
  });

  it('delivers a change committed through one replica to subscribers of another', async () => {
    const replica: RunningSubgraph = await startSubgraph(atameken, {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: 0,
      DATABASE_URL: subgraph.database.subgraphs.find((s) => s.schema === 'atameken')!.url,
      DATABASE_POOL_SIZE: 3,
      LOG_LEVEL: 'silent',
      AUTH_JWKS_FILE: testEnv().jwksFile,
      AUTH_ISSUER: 'rukhani-zhangyru-dev',
      AUTH_AUDIENCE: 'rukhani-zhangyru-graph',
      MIGRATE_ON_START: true,
      SEED_DEMO: false,
      EVIDENCE_SECRET: testEnv().evidenceSecret,
    } as never);
    try {
      const onReplica = wsClient(replica.url);
      clients.push(onReplica);
      const events = subscribe(onReplica, EVENTS, { territory: '310000000' });
      await sleep(200);
      const id = await fileTestComplaint(subgraph.url, citizen, '310000000');
      expect((await events.take(1))[0].data!.complaintStatusChanged.complaint.id).toBe(id);
    } finally {
      await replica.stop();
    }
  });

  it('loses nothing when the LISTEN connection drops: the periodic read picks the change up', async () => {
    const events = subscribe(client(), EVENTS, { territory: '150000000' });
    await sleep(200);
    const admin = new PgClient({ connectionString: subgraph.database.url.replace(/\/\/[^@]*@/, `//${new URL(testEnv().adminUrl).username}:${new URL(testEnv().adminUrl).password}@`) });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query ILIKE 'LISTEN%' AND datname = current_database()`);
      expect(rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    const id = await fileTestComplaint(subgraph.url, citizen, '150000000');
    expect((await events.take(1))[0].data!.complaintStatusChanged.complaint.id).toBe(id);
  });

  it('drops a subscriber that stops reading, without affecting others', async () => {
    const stream = subgraph.services.complaintEvents;
    const slow = (stream as unknown as { options: { maxBuffered?: number } }).options;
    const previous = slow.maxBuffered;
    slow.maxBuffered = 2;
    const stalled = stream.subscribe({ territoryCodes: new Set(['190000000']) }, null);
    slow.maxBuffered = previous;
    const healthy = subscribe(client(), EVENTS, { territory: '190000000' });
    const pending = stalled.next(); // starts the subscriber; nothing else is read
    await sleep(200);
    for (let i = 0; i < 5; i += 1) await fileTestComplaint(subgraph.url, citizen, '190000000');
    expect(await healthy.take(5)).toHaveLength(5);
    await pending;
    await expect((async () => {
      for (;;) await stalled.next();
    })()).rejects.toBeInstanceOf(SlowSubscriberError);
  });

  it("shows a citizen's note (a reopen reason) only to its author and the territory's akimat; an official's note to all", async () => {
    const id = await fileTestComplaint(subgraph.url, citizen, '751710000');
    await change(id, 'ACCEPTED');
    await change(id, 'IN_PROGRESS');
    await change(id, 'RESOLVED', 'Отремонтировано');
    const start = await gql(subgraph.url, '{ complaintStatusChangedCursor }');
    const reopened = await gql(subgraph.url, `mutation($id: ID!) { reopenComplaint(id: $id, reason: "Свет снова не горит, мой телефон 8 701 000 00 00") { status } }`, { id }, citizen);
    expect(reopened.errors).toBeUndefined();
    const notes = async (token?: string) => {
      const events = subscribe(client(token), EVENTS, { complaint: id, after: '0' });
      const all = await events.take(5);
      return all.map((r) => [r.data!.complaintStatusChanged.to, r.data!.complaintStatusChanged.comment]);
    };
    const publicNotes = await notes();
    expect(publicNotes).toEqual([
      ['SUBMITTED', null],
      ['ACCEPTED', null],
      ['IN_PROGRESS', null],
      ['RESOLVED', 'Отремонтировано'],
      ['IN_PROGRESS', null],
    ]);
    expect((await notes(officer))[4][1]).toMatch(/Свет снова не горит/);
    expect((await notes(citizen))[4][1]).toMatch(/Свет снова не горит/);
    const elsewhere = await testToken({ roles: ['akimat_officer'], territory: '710000000', subject: 'officer-astana' });
    expect((await notes(elsewhere))[4][1]).toBeNull();
    // The head before the reopen: subscribing after it gives exactly the reopen.
    const fromHead = subscribe(client(), EVENTS, { complaint: id, after: start.data!.complaintStatusChangedCursor });
    expect((await fromHead.take(1)).map((r) => r.data!.complaintStatusChanged.to)).toEqual(['IN_PROGRESS']);
  });

  it('refuses a cursor older than the events kept with CURSOR_EXPIRED', async () => {
    const id = await fileTestComplaint(subgraph.url, citizen, '751710000');
    const [{ cursor }] = (await subscribe(client(), EVENTS, { complaint: id, after: '0' }).take(1)).map((r) => r.data!.complaintStatusChanged);
    const owner = new PgClient({ connectionString: subgraph.database.subgraphs.find((s) => s.schema === 'atameken')!.url });
    await owner.connect();
    try {
      await owner.query('DELETE FROM complaint_event WHERE id <= $1', [cursor]); // what the retention purge does to old events
    } finally {
      await owner.end();
    }
    const errors = await subscribe(client(), EVENTS, { after: String(BigInt(cursor) - 1n) }).failure();
    expect(errors[0]).toMatchObject({ extensions: { code: 'CURSOR_EXPIRED', field: 'after' } });
  });
});
