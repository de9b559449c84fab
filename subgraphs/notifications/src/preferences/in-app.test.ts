import { NOTIFICATION_INTAKE_PATH, type NotificationEvent, type NotificationKind } from '@rz/contract';
import { gql, startTestSubgraph, subscribe, testToken, wsClient, type TestSubgraph } from '@rz/test-support';
import type { Client } from 'graphql-ws';
import { notifications } from '../subgraph';

let subgraph: TestSubgraph;
let live: Client | undefined;
beforeAll(async () => {
  subgraph = await startTestSubgraph(notifications);
});
afterAll(async () => {
  await live?.dispose();
  await subgraph?.close();
});

let n = 0;
function event(recipientSubject: string, kind: NotificationKind): NotificationEvent {
  const id = `01900000-0000-7000-8000-${String(n++).padStart(12, '0')}`;
  return { dedupeKey: `in-app:${n}`, recipientSubject, kind, about: { type: 'Complaint', id }, params: { complaintId: id }, language: null, occurredAt: new Date().toISOString() };
}
async function notify(...events: NotificationEvent[]): Promise<void> {
  const res = await fetch(`${new URL(subgraph.url).origin}${NOTIFICATION_INTAKE_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ source: 'atameken', events }) });
  expect(res.status).toBe(200);
}

const INBOX = `{ myNotifications(first: 10) { totalCount unreadCount nodes { kind } } }`;
const UPDATE = `mutation($input: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $input) { email } }`;

describe('the IN_APP switch', () => {
  it('keeps a kind out of the inbox and the live feed, while its mail still goes; switched on again, it shows', async () => {
    const token = await testToken({ subject: 'in-app-off', roles: ['citizen'] });
    const off = { kind: 'COMPLAINT_STATUS_CHANGED', channel: 'IN_APP', enabled: false };
    expect((await gql(subgraph.url, UPDATE, { input: { email: 'in-app@example.kz', emailConsent: true, preferences: [off] } }, token)).errors).toBeUndefined();

    live = wsClient(subgraph.url, token);
    const feed = subscribe(live, `subscription { notificationAdded { kind } }`);
    await new Promise((r) => setTimeout(r, 300));
    await notify(event('in-app-off', 'COMPLAINT_STATUS_CHANGED'), event('in-app-off', 'INITIATIVE_STATUS_CHANGED'));

    const [first] = await feed.take(1);
    expect(first.data).toEqual({ notificationAdded: { kind: 'INITIATIVE_STATUS_CHANGED' } });
    const inbox = await gql(subgraph.url, INBOX, {}, token);
    expect(inbox.data!.myNotifications).toEqual({ totalCount: 1, unreadCount: 1, nodes: [{ kind: 'INITIATIVE_STATUS_CHANGED' }] });
    // E-mail is its own channel: both kinds are mailed.
    const mails: { kind: string }[] = await subgraph.db.query(`SELECT kind FROM mail_delivery WHERE recipient_subject = 'in-app-off' ORDER BY kind`);
    expect(mails.map((m) => m.kind)).toEqual(['COMPLAINT_STATUS_CHANGED', 'INITIATIVE_STATUS_CHANGED']);
    // Another event later proves the hidden one was passed over, not just late.
    await notify(event('in-app-off', 'VOLUNTEER_REVIEWED'));
    const events = await feed.take(2);
    expect(events.map((e) => e.data!.notificationAdded.kind)).toEqual(['INITIATIVE_STATUS_CHANGED', 'VOLUNTEER_REVIEWED']);

    await gql(subgraph.url, UPDATE, { input: { preferences: [{ ...off, enabled: true }] } }, token);
    expect((await gql(subgraph.url, INBOX, {}, token)).data!.myNotifications.totalCount).toBe(3);
  });
});
