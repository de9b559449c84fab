import { NOTIFICATION_INTAKE_MAX_EVENTS, NOTIFICATION_INTAKE_PATH, type NotificationEvent, type NotificationIntakeBatch } from '@rz/contract';
import { startTestSubgraph, type TestSubgraph } from '@rz/test-support';
import { notifications } from '../subgraph';

const SECRET = 'intake-test-shared-secret-0123456789abcdef';

function event(n: number, recipientSubject = 'intake-citizen'): NotificationEvent {
  return {
    dedupeKey: `complaint-status:${n}`,
    recipientSubject,
    kind: 'COMPLAINT_STATUS_CHANGED',
    about: { type: 'Complaint', id: `0190a4f0-0000-7000-8000-${String(n).padStart(12, '0')}` },
    params: { topic: 'ROADS', toStatus: 'ACCEPTED', territoryCode: '750000000' },
    language: 'kk',
    occurredAt: '2026-12-04T10:00:00Z',
  };
}

let subgraph: TestSubgraph;
let intake: string;

/** POSTs a body to the intake as a relay does. */
function post(body: unknown, secret: string | null = SECRET): Promise<Response> {
  return fetch(intake, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret === null ? {} : { 'x-gateway-secret': secret }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function count(where = 'true'): Promise<number> {
  const [{ n }] = await subgraph.db.query(`SELECT count(*)::int AS n FROM notification WHERE ${where}`);
  return n;
}

beforeAll(async () => {
  subgraph = await startTestSubgraph(notifications, { settings: { SUBGRAPH_SHARED_SECRET: SECRET } });
  intake = new URL(NOTIFICATION_INTAKE_PATH, subgraph.url).toString();
});
afterAll(() => subgraph?.close());

describe('notification intake', () => {
  it('keeps each (source, dedupe key) once: the same batch twice gives one row each', async () => {
    const batch: NotificationIntakeBatch = { source: 'atameken', events: [event(1), event(2), event(3)] };
    const first = await post(batch);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ accepted: 3 });
    const again = await post(batch);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ accepted: 3 });
    expect(await count()).toBe(3);
    // A resend overlapping new events, with a key repeated inside the batch: only the new one is added.
    expect((await post({ source: 'atameken', events: [event(3), event(4), event(4)] })).status).toBe(200);
    expect(await count()).toBe(4);
    // The same key from another source is another notification.
    expect((await post({ source: 'tarbie-bilim', events: [event(1)] })).status).toBe(200);
    expect(await count()).toBe(5);
    const [row] = await subgraph.db.query(`SELECT kind, about_type, about_id, params, language, recipient_subject FROM notification WHERE source = 'atameken' AND dedupe_key = 'complaint-status:1'`);
    expect(row).toEqual({
      kind: 'COMPLAINT_STATUS_CHANGED',
      about_type: 'Complaint',
      about_id: event(1).about.id,
      params: event(1).params,
      language: 'kk',
      recipient_subject: 'intake-citizen',
    });
  });

  it('refuses a missing secret (401) and a wrong one (403), storing nothing', async () => {
    const before = await count();
    const missing = await post({ source: 'atameken', events: [event(100)] }, null);
    expect(missing.status).toBe(401);
    const wrong = await post({ source: 'atameken', events: [event(101)] }, `${SECRET}-not`);
    expect(wrong.status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('refuses malformed batches with a 400 naming the field, never quoting the values', async () => {
    const before = await count();
    const cases: [unknown, string][] = [
      [{ source: 'atameken', events: [] }, 'events'],
      [{ source: 'nowhere', events: [event(200)] }, 'source'],
      [{ source: 'atameken', events: [{ ...event(201), kind: 'SOMETHING_ELSE' }] }, 'events.0.kind'],
      [{ source: 'atameken', events: [{ ...event(202), recipientSubject: '' }] }, 'events.0.recipientSubject'],
      [{ source: 'atameken', events: [{ ...event(203), occurredAt: 'yesterday' }] }, 'events.0.occurredAt'],
      [{ source: 'atameken', events: [{ ...event(204), params: { text: { nested: 'private words' } } }] }, 'events.0.params.text'],
      [{ source: 'atameken', events: [{ ...event(205), email: 'someone@example.kz' }] }, 'events.0'],
      [{ source: 'atameken', events: Array.from({ length: NOTIFICATION_INTAKE_MAX_EVENTS + 1 }, (_, i) => event(1000 + i)) }, 'events'],
    ];
    for (const [body, path] of cases) {
      const res = await post(body);
      const text = await res.text();
      expect([path, res.status]).toEqual([path, 400]);
      expect([path, JSON.parse(text).issues.map((i: { path: string }) => i.path)]).toEqual([path, expect.arrayContaining([path])]);
      expect(text).not.toContain('private words');
      expect(text).not.toContain('someone@example.kz');
    }
    expect(await count()).toBe(before);
  });

  it('refuses a body that is not JSON (400) or too large (413) with a coded answer', async () => {
    const broken = await post('{"source": ');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: 'BAD_REQUEST' });
    const huge = await post({ source: 'atameken', events: [{ ...event(300), params: { pad: 'x'.repeat(2 * 1024 * 1024) } }] });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: 'PAYLOAD_TOO_LARGE' });
  });
});
