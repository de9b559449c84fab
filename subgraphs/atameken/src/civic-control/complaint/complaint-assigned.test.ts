import { createHash } from 'node:crypto';
import { signEvidenceId } from '@rz/schema';
import { gql, outboxNotifications, startTestSubgraph, type TestSubgraph, testEnv, testToken } from '@rz/test-support';
import { atameken } from '../../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
  const admin = await testToken({ subject: 'admin-1', roles: ['admin'] });
  for (const [officerSubject, territory] of [['officer-medeu', MEDEU], ['officer-bostandyq-1', BOSTANDYQ], ['officer-bostandyq-2', BOSTANDYQ]]) {
    const res = await gql(subgraph.url, `mutation($input: AssignAkimatOfficerInput!) { assignAkimatOfficer(input: $input) { id } }`, { input: { officerSubject, territory } }, admin);
    expect(res.errors).toBeUndefined();
  }
});
afterAll(() => subgraph?.close());

const MEDEU = '751710000';
const BOSTANDYQ = '751410000';
const TEXT = 'Во дворе дома 12 третий месяц не вывозят мусор, контейнеры переполнены.';
let photos = 0;
const evidence = () => [signEvidenceId(testEnv().evidenceSecret, createHash('sha256').update(`assigned-${photos++}`).digest('hex'), 'photo')];
const FILE = `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id dueOn topic } } }`;

async function file(territory: string, text = TEXT) {
  return gql(subgraph.url, FILE, { input: { topic: 'PUBLIC_AMENITIES', text, territory, evidence: evidence() } }, await testToken({ subject: 'citizen-assigned', roles: ['citizen'] }));
}

it('tells the officer of the akimat a new complaint is routed to, once, with no citizen text', async () => {
  const res = await file(MEDEU);
  expect(res.errors).toBeUndefined();
  const complaint = res.data!.fileComplaint.complaint;
  const events = await outboxNotifications(subgraph, { kind: 'COMPLAINT_ASSIGNED', aboutId: complaint.id });
  expect(events).toEqual([
    {
      dedupeKey: `complaint-assigned:${complaint.id}:officer-medeu`,
      recipientSubject: 'officer-medeu',
      kind: 'COMPLAINT_ASSIGNED',
      about: { type: 'Complaint', id: complaint.id },
      params: { complaintId: complaint.id, topic: 'PUBLIC_AMENITIES', territoryCode: MEDEU, dueOn: complaint.dueOn },
      language: null,
      occurredAt: expect.any(String),
    },
  ]);
  expect(JSON.stringify(events)).not.toContain('мусор');
});

it('tells each officer of the akimat, in the language of the filing', async () => {
  const response = await fetch(subgraph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lang': 'kk', authorization: `Bearer ${await testToken({ subject: 'citizen-assigned', roles: ['citizen'] })}` },
    body: JSON.stringify({ query: FILE, variables: { input: { topic: 'ROADS', text: TEXT, territory: BOSTANDYQ, evidence: evidence() } } }),
  });
  const res = (await response.json()) as { data?: any; errors?: unknown };
  expect(res.errors).toBeUndefined();
  const events = await outboxNotifications(subgraph, { kind: 'COMPLAINT_ASSIGNED', aboutId: res.data!.fileComplaint.complaint.id });
  expect(events.map((e) => [e.recipientSubject, e.language])).toEqual([
    ['officer-bostandyq-1', 'kk'],
    ['officer-bostandyq-2', 'kk'],
  ]);
});

it('writes nothing for a filing that is refused', async () => {
  const before = await outboxNotifications(subgraph, { kind: 'COMPLAINT_ASSIGNED' });
  const res = await file(MEDEU, 'мусор');
  expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.text' });
  expect(await outboxNotifications(subgraph, { kind: 'COMPLAINT_ASSIGNED' })).toHaveLength(before.length);
});
