import type { NotificationEvent } from '@rz/contract';
import { gql, startTestSubgraph, testToken, type TestSubgraph } from '@rz/test-support';
import { acceptNotifications } from '../intake/notification-intake.service';
import { notifications } from '../subgraph';

const INBOX = `query($first: Int, $after: String, $unreadOnly: Boolean) {
  myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount unreadCount pageInfo { hasNextPage endCursor }
    nodes { id kind about { type id } title body path occurredAt readAt }
  }
}`;
const MARK = `mutation($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) { updated unreadCount } }`;

const COMPLAINT = '0190a4f0-0000-7000-8000-000000000001';

function statusChange(recipientSubject: string, n: number, language: NotificationEvent['language'] = null): NotificationEvent {
  return {
    dedupeKey: `complaint-status:${recipientSubject}:${n}`,
    recipientSubject,
    kind: 'COMPLAINT_STATUS_CHANGED',
    about: { type: 'Complaint', id: COMPLAINT },
    params: { complaintId: COMPLAINT, topic: 'ROADS', fromStatus: 'SUBMITTED', toStatus: 'ACCEPTED', territoryCode: '750000000' },
    language,
    occurredAt: `2026-12-0${1 + (n % 8)}T10:00:00Z`,
  };
}

let subgraph: TestSubgraph;
let alice: string;
let bob: string;

beforeAll(async () => {
  subgraph = await startTestSubgraph(notifications);
  alice = await testToken({ roles: ['citizen'], subject: 'inbox-alice' });
  bob = await testToken({ roles: ['citizen'], subject: 'inbox-bob' });
  await acceptNotifications(subgraph.db, { source: 'atameken', events: [1, 2, 3, 4, 5].map((n) => statusChange('inbox-alice', n, 'ru')) });
  await acceptNotifications(subgraph.db, { source: 'atameken', events: [statusChange('inbox-bob', 1)] });
});
afterAll(() => subgraph?.close());

describe('myNotifications', () => {
  it('pages the viewer’s own notifications newest first, with totals, never another person’s', async () => {
    const first = await gql(subgraph.url, INBOX, { first: 2 }, alice);
    expect(first.errors).toBeUndefined();
    const page1 = first.data!.myNotifications;
    expect(page1).toMatchObject({ totalCount: 5, unreadCount: 5, pageInfo: { hasNextPage: true } });
    const rest = await gql(subgraph.url, INBOX, { first: 10, after: page1.pageInfo.endCursor }, alice);
    const all = [...page1.nodes, ...rest.data!.myNotifications.nodes];
    expect(all).toHaveLength(5);
    expect(new Set(all.map((n: { id: string }) => n.id)).size).toBe(5);
    // Newest first: the last stored comes first.
    const ids = all.map((n: { id: string }) => n.id);
    expect([...ids].sort().reverse()).toEqual(ids);

    const bobs = await gql(subgraph.url, INBOX, {}, bob);
    expect(bobs.data!.myNotifications.totalCount).toBe(1);
    expect(bobs.data!.myNotifications.nodes.map((n: { id: string }) => n.id)).not.toContain(ids[0]);
  });

  it('renders title and body in the request’s language, else the language of the change, with the link', async () => {
    const hinted = (await gql(subgraph.url, INBOX, { first: 1 }, alice)).data!.myNotifications.nodes[0];
    expect(hinted).toMatchObject({ kind: 'COMPLAINT_STATUS_CHANGED', about: { type: 'Complaint', id: COMPLAINT }, path: `/complaints/${COMPLAINT}`, readAt: null });
    expect(hinted.title).toBe('Ваше обращение: принято');
    expect(hinted.body).toContain('дороги');
    expect(hinted.body).toContain('Алматы');
    const english = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${alice}`, 'x-lang': 'en' },
      body: JSON.stringify({ query: '{ myNotifications(first: 1) { nodes { title body } } }' }),
    }).then((r) => r.json());
    expect(english.data.myNotifications.nodes[0]).toEqual({ title: 'Your complaint: accepted', body: expect.stringContaining('about roads') });
    // No hint and no request language: Kazakh.
    const bobs = (await gql(subgraph.url, `{ myNotifications { nodes { title } } }`, {}, bob)).data!.myNotifications.nodes[0];
    expect(bobs.title).toBe('Өтінішіңіз: қабылданды');
  });

  it('refuses anonymous readers with UNAUTHENTICATED', async () => {
    const res = await gql(subgraph.url, INBOX, {});
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.data?.myNotifications ?? null).toBeNull();
  });

  it('rejects a malformed cursor naming the field', async () => {
    const res = await gql(subgraph.url, INBOX, { after: 'not-a-cursor' }, alice);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('markNotificationsRead', () => {
  it('marks the given ones read, and unreadOnly leaves them out', async () => {
    const nodes = (await gql(subgraph.url, INBOX, {}, alice)).data!.myNotifications.nodes;
    const res = await gql(subgraph.url, MARK, { ids: [nodes[0].id, nodes[1].id] }, alice);
    expect(res.errors).toBeUndefined();
    expect(res.data!.markNotificationsRead).toEqual({ updated: 2, unreadCount: 3 });
    // Again: already read, nothing more to count.
    expect((await gql(subgraph.url, MARK, { ids: [nodes[0].id] }, alice)).data!.markNotificationsRead).toEqual({ updated: 0, unreadCount: 3 });
    const unread = (await gql(subgraph.url, INBOX, { unreadOnly: true }, alice)).data!.myNotifications;
    expect(unread).toMatchObject({ totalCount: 3, unreadCount: 3 });
    expect(unread.nodes.map((n: { id: string }) => n.id)).not.toContain(nodes[0].id);
    const read = (await gql(subgraph.url, INBOX, {}, alice)).data!.myNotifications.nodes.find((n: { id: string }) => n.id === nodes[0].id);
    expect(read.readAt).not.toBeNull();
  });

  it('treats another person’s id as not found and changes nothing, not even the viewer’s own ids in the same call', async () => {
    const bobsId = (await gql(subgraph.url, INBOX, {}, bob)).data!.myNotifications.nodes[0].id;
    const alicesUnread = (await gql(subgraph.url, INBOX, { unreadOnly: true }, alice)).data!.myNotifications.nodes[0].id;
    const res = await gql(subgraph.url, MARK, { ids: [alicesUnread, bobsId] }, alice);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'ids', id: bobsId });
    expect((await gql(subgraph.url, INBOX, {}, bob)).data!.myNotifications.unreadCount).toBe(1);
    expect((await gql(subgraph.url, INBOX, {}, alice)).data!.myNotifications.unreadCount).toBe(3);
  });

  it('marks all of the viewer’s own, and only theirs', async () => {
    const res = await gql(subgraph.url, MARK, { all: true }, alice);
    expect(res.data!.markNotificationsRead).toEqual({ updated: 3, unreadCount: 0 });
    expect((await gql(subgraph.url, INBOX, {}, bob)).data!.myNotifications.unreadCount).toBe(1);
  });

  it('validates its input with coded errors naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'ids'],
      [{ ids: [] }, 'ids'],
      [{ ids: ['not-a-uuid'] }, 'ids'],
      [{ ids: [COMPLAINT], all: true }, 'all'],
    ];
    for (const [variables, field] of cases) {
      const res = await gql(subgraph.url, MARK, variables, alice);
      expect([variables, res.errors?.[0].extensions]).toEqual([variables, expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
    }
  });

  it('refuses anonymous callers with UNAUTHENTICATED', async () => {
    const res = await gql(subgraph.url, MARK, { all: true });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
