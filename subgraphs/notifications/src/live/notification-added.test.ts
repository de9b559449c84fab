import type { NotificationEvent } from '@rz/contract';
import { gql, startTestSubgraph, subscribe, testToken, wsClient, type TestSubgraph } from '@rz/test-support';
import type { Client } from 'graphql-ws';
import { acceptNotifications } from '../intake/notification-intake.service';
import { notifications } from '../subgraph';

const ADDED = `subscription($after: String) { notificationAdded(after: $after) { id cursor kind title about { id } } }`;

let subgraph: TestSubgraph;
let alice: string;
let bob: string;
const clients: Client[] = [];
let key = 0;

function client(token?: string): Client {
  const c = wsClient(subgraph.url, token);
  clients.push(c);
  return c;
}

function event(recipientSubject: string): NotificationEvent {
  key += 1;
  return {
    dedupeKey: `live:${key}`,
    recipientSubject,
    kind: 'COMPLAINT_STATUS_CHANGED',
    about: { type: 'Complaint', id: `complaint-${key}` },
    params: { topic: 'ROADS', toStatus: 'RESOLVED', territoryCode: '750000000' },
    language: 'en',
    occurredAt: new Date().toISOString(),
  };
}

/** Stores events as the intake does; answers their about ids. */
async function deliver(...events: NotificationEvent[]): Promise<string[]> {
  await acceptNotifications(subgraph.db, { source: 'atameken', events });
  return events.map((e) => e.about.id);
}

/** The newest cursor: subscribing after it misses nothing delivered later, however long the socket takes to open. */
async function head(): Promise<string> {
  return (await gql(subgraph.url, '{ notificationAddedCursor }')).data!.notificationAddedCursor;
}

beforeAll(async () => {
  subgraph = await startTestSubgraph(notifications);
  alice = await testToken({ roles: ['citizen'], subject: 'live-alice' });
  bob = await testToken({ roles: ['citizen'], subject: 'live-bob' });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(() => subgraph?.close());

describe('notificationAdded', () => {
  it('delivers the viewer’s own new notifications in their language, and never another person’s', async () => {
    const after = await head();
    const alices = subscribe(client(alice), ADDED, { after });
    const bobs = subscribe(client(bob), ADDED, { after });
    const [forAlice, forBob, forAlice2] = await deliver(event('live-alice'), event('live-bob'), event('live-alice'));
    const got = await alices.find((r) => r.data?.notificationAdded?.about.id === forAlice2);
    const aboutIds = alices.results.map((r) => r.data?.notificationAdded?.about.id);
    expect(aboutIds).toContain(forAlice);
    expect(aboutIds).not.toContain(forBob);
    expect(got.data!.notificationAdded).toMatchObject({ kind: 'COMPLAINT_STATUS_CHANGED', title: 'Your complaint: resolved', cursor: expect.stringMatching(/^\d+$/) });
    await bobs.find((r) => r.data?.notificationAdded?.about.id === forBob);
    expect(bobs.results.map((r) => r.data?.notificationAdded?.about.id)).not.toContain(forAlice);
    expect(bobs.results.map((r) => r.data?.notificationAdded?.about.id)).not.toContain(forAlice2);
  });

  it('replays from a cursor (the head query or an event’s) without gap or repeat, only the viewer’s own', async () => {
    const after = await head();
    expect(after).toMatch(/^\d+$/);
    const missed = await deliver(event('live-alice'), event('live-bob'), event('live-alice'));
    const resumed = subscribe(client(alice), ADDED, { after });
    const results = await resumed.take(2);
    expect(results.map((r) => r.data?.notificationAdded?.about.id)).toEqual([missed[0], missed[2]]);
    const [live] = await deliver(event('live-alice'));
    await resumed.find((r) => r.data?.notificationAdded?.about.id === live);
    expect(resumed.results.map((r) => r.data?.notificationAdded?.about.id)).toEqual([missed[0], missed[2], live]);
  });

  it('refuses anonymous subscribers with UNAUTHENTICATED, and malformed cursors naming the field', async () => {
    const anonymous = await subscribe(client(), ADDED).failure();
    expect(anonymous).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
    const malformed = await subscribe(client(alice), ADDED, { after: 'abc' }).failure();
    expect(malformed).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) })]);
  });
});
