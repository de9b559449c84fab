import { createHash } from 'node:crypto';
import { signEvidenceId } from '@rz/schema';
import { gql, startTestSubgraph, type TestSubgraph, testEnv, testToken } from '@rz/test-support';
import { addWorkingDays, kzDay } from '../../shared/kz-time';
import { atameken } from '../../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
});
afterAll(() => subgraph?.close());

const ALMATY = '750000000';
const admin = () => testToken({ subject: 'admin-deadlines', roles: ['admin'] });
const citizen = () => testToken({ subject: 'citizen-deadlines', roles: ['citizen'] });

let n = 0;
async function file(topic: string): Promise<any> {
  const evidence = [signEvidenceId(testEnv().evidenceSecret, createHash('sha256').update(`deadline-${n++}`).digest('hex'), 'photo')];
  const res = await gql(
    subgraph.url,
    `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id dueOn isOverdue } } }`,
    { input: { topic, text: 'Во дворе не работает освещение уже две недели.', territory: ALMATY, evidence } },
    await citizen(),
  );
  expect(res.errors).toBeUndefined();
  return res.data!.fileComplaint.complaint;
}

const SET = `mutation($topic: ComplaintTopic!, $days: Int) { setComplaintTopicDeadline(topic: $topic, workingDays: $days) { topic workingDays isDefault } }`;
const READ = `query($id: ID!) { complaint(id: $id) { status dueOn isOverdue } }`;

describe('complaint deadlines', () => {
  it('gives a new complaint 15 working days after the filing day by default', async () => {
    const filedOn = kzDay();
    const c = await file('ROADS');
    // The test may straddle midnight in Kazakhstan; either day's deadline is right.
    expect([addWorkingDays(filedOn, 15), addWorkingDays(kzDay(), 15)]).toContain(c.dueOn);
    expect(c.isOverdue).toBe(false);
    const topics = await gql(subgraph.url, `{ complaintTopicDeadlines { topic workingDays isDefault } }`);
    expect(topics.data!.complaintTopicDeadlines).toHaveLength(7);
    expect(topics.data!.complaintTopicDeadlines.every((t: any) => t.workingDays === 15 && t.isDefault)).toBe(true);
  });

  it('uses the deadline an admin set for the topic, for complaints filed afterwards', async () => {
    const before = await file('HOUSING_AND_UTILITIES');
    const set = await gql(subgraph.url, SET, { topic: 'HOUSING_AND_UTILITIES', days: 5 }, await admin());
    expect(set.data!.setComplaintTopicDeadline).toEqual({ topic: 'HOUSING_AND_UTILITIES', workingDays: 5, isDefault: false });
    const filedOn = kzDay();
    const after = await file('HOUSING_AND_UTILITIES');
    expect([addWorkingDays(filedOn, 5), addWorkingDays(kzDay(), 5)]).toContain(after.dueOn);
    expect((await gql(subgraph.url, READ, { id: before.id })).data!.complaint.dueOn).toBe(before.dueOn);
    const other = await file('ROADS');
    expect([addWorkingDays(filedOn, 15), addWorkingDays(kzDay(), 15)]).toContain(other.dueOn);

    const reset = await gql(subgraph.url, SET, { topic: 'HOUSING_AND_UTILITIES', days: null }, await admin());
    expect(reset.data!.setComplaintTopicDeadline).toEqual({ topic: 'HOUSING_AND_UTILITIES', workingDays: 15, isDefault: true });
  });

  it('lets only admins set deadlines, between 1 and 90 working days', async () => {
    for (const token of [await citizen(), await testToken({ subject: 'officer', roles: ['akimat_officer'], territory: ALMATY })]) {
      expect((await gql(subgraph.url, SET, { topic: 'ROADS', days: 3 }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      // Refused before the value is validated.
      expect((await gql(subgraph.url, SET, { topic: 'ROADS', days: 91 }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    for (const days of [0, 91]) {
      const res = await gql(subgraph.url, SET, { topic: 'ROADS', days }, await admin());
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workingDays' });
    }
    const topics = await gql(subgraph.url, `{ complaintTopicDeadlines { topic workingDays } }`);
    expect(topics.data!.complaintTopicDeadlines.find((t: any) => t.topic === 'ROADS').workingDays).toBe(15);
  });

  it('flags open complaints past their due day as overdue, and only those', async () => {
    const late = await file('TRANSPORT');
    const lateButResolved = await file('TRANSPORT');
    const onTime = await file('TRANSPORT');
    const officer = await testToken({ subject: 'officer-almaty', roles: ['akimat_officer'], territory: ALMATY });
    for (const to of ['ACCEPTED', 'IN_PROGRESS', 'RESOLVED']) {
      const res = await gql(subgraph.url, `mutation($id: ID!, $to: ComplaintStatus!) { changeComplaintStatus(id: $id, to: $to) { id } }`, { id: lateButResolved.id, to }, officer);
      expect(res.errors).toBeUndefined();
    }
    // Time travel for the deadline only: the due day is moved into the past.
    await subgraph.db.query(`UPDATE complaint SET due_on = current_date - 3 WHERE id = ANY($1)`, [[late.id, lateButResolved.id]]);

    expect((await gql(subgraph.url, READ, { id: late.id })).data!.complaint.isOverdue).toBe(true);
    expect((await gql(subgraph.url, READ, { id: lateButResolved.id })).data!.complaint).toMatchObject({ status: 'RESOLVED', isOverdue: false });
    expect((await gql(subgraph.url, READ, { id: onTime.id })).data!.complaint.isOverdue).toBe(false);

    const res = await gql(subgraph.url, `{
      overdue: complaints(filter: { topic: TRANSPORT, overdue: true }) { nodes { id isOverdue } }
      notOverdue: complaints(filter: { topic: TRANSPORT, overdue: false }) { nodes { id isOverdue } }
    }`);
    expect(res.data!.overdue.nodes).toEqual([{ id: late.id, isOverdue: true }]);
    expect(res.data!.notOverdue.nodes.map((c: any) => c.id).sort()).toEqual([lateButResolved.id, onTime.id].sort());
  });
});
