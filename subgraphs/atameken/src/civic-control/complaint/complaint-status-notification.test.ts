import { createHash } from 'node:crypto';
import { signEvidenceId } from '@rz/schema';
import { gql, outboxNotifications, startTestSubgraph, type TestSubgraph, testEnv, testToken } from '@rz/test-support';
import { atameken } from '../../subgraph';

const TERRITORY = '751710000';
const TEXT = 'Возле школы №5 разбит тротуар, дети ходят по проезжей части.';
const FILE = `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } } }`;
const CHANGE = `mutation($id: ID!, $to: ComplaintStatus!, $comment: String) { changeComplaintStatus(id: $id, to: $to, comment: $comment) { status } }`;
const REOPEN = `mutation($id: ID!, $reason: String!) { reopenComplaint(id: $id, reason: $reason) { status } }`;

let subgraph: TestSubgraph;
let author: string;
let officer: string;
let photos = 0;

async function post(query: string, variables: Record<string, unknown>, token: string, lang?: string) {
  const response = await fetch(subgraph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(lang ? { 'x-lang': lang } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const res = (await response.json()) as { data?: any; errors?: unknown };
  expect(res.errors).toBeUndefined();
  return res.data;
}

async function file(): Promise<string> {
  const evidence = [signEvidenceId(testEnv().evidenceSecret, createHash('sha256').update(`status-${photos++}`).digest('hex'), 'photo')];
  return (await post(FILE, { input: { topic: 'ROADS', text: TEXT, territory: TERRITORY, evidence } }, author)).fileComplaint.complaint.id;
}

beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
  author = await testToken({ subject: 'citizen-status', roles: ['citizen'] });
  officer = await testToken({ subject: 'officer-status', roles: ['akimat_officer'], territory: '750000000' });
});
afterAll(() => subgraph?.close());

describe('complaint status notifications', () => {
  it('tells the author of every status change the akimat makes, once each, with codes and no text', async () => {
    const id = await file();
    await post(CHANGE, { id, to: 'ACCEPTED' }, officer, 'ru');
    await post(CHANGE, { id, to: 'IN_PROGRESS', comment: 'Тротуар ремонтирует подрядчик' }, officer);
    const events = await outboxNotifications(subgraph, { kind: 'COMPLAINT_STATUS_CHANGED', aboutId: id });
    const changes: { id: string }[] = await subgraph.db.query(`SELECT id FROM complaint_status_change WHERE complaint_id = $1 AND from_status IS NOT NULL ORDER BY at, id`, [id]);
    expect(events).toEqual([
      {
        dedupeKey: `complaint-status:${changes[0].id}`,
        recipientSubject: 'citizen-status',
        kind: 'COMPLAINT_STATUS_CHANGED',
        about: { type: 'Complaint', id },
        params: { complaintId: id, topic: 'ROADS', fromStatus: 'SUBMITTED', toStatus: 'ACCEPTED', territoryCode: TERRITORY },
        language: 'ru',
        occurredAt: expect.any(String),
      },
      expect.objectContaining({
        dedupeKey: `complaint-status:${changes[1].id}`,
        params: { complaintId: id, topic: 'ROADS', fromStatus: 'ACCEPTED', toStatus: 'IN_PROGRESS', territoryCode: TERRITORY },
        language: null,
      }),
    ]);
    const written = JSON.stringify(events);
    expect(written).not.toContain('тротуар');
    expect(written).not.toContain('подрядчик');
    expect(written).not.toContain('officer-status');
  });

  it('does not tell the author of the filing, nor of their own reopening', async () => {
    const id = await file();
    expect(await outboxNotifications(subgraph, { kind: 'COMPLAINT_STATUS_CHANGED', aboutId: id })).toEqual([]);
    for (const to of ['ACCEPTED', 'IN_PROGRESS', 'RESOLVED']) await post(CHANGE, { id, to }, officer);
    await post(REOPEN, { id, reason: 'Ничего не сделано, тротуар по-прежнему разбит' }, author);
    const events = await outboxNotifications(subgraph, { kind: 'COMPLAINT_STATUS_CHANGED', aboutId: id });
    expect(events.map((e) => e.params.toStatus)).toEqual(['ACCEPTED', 'IN_PROGRESS', 'RESOLVED']);
  });

  it('writes nothing when the change is refused', async () => {
    const id = await file();
    const res = await gql(subgraph.url, CHANGE, { id, to: 'RESOLVED_BY_CITIZENS' }, author);
    expect(res.errors).toBeDefined();
    expect(await outboxNotifications(subgraph, { kind: 'COMPLAINT_STATUS_CHANGED', aboutId: id })).toEqual([]);
  });
});
