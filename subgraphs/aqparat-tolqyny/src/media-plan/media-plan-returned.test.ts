import { gql, outboxNotifications, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { aqparatTolqyny } from '../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(aqparatTolqyny);
});
afterAll(() => subgraph?.close());

const ALMATY = '750000000';
const BOSTANDYK = '751410000';
const officer = (subject: string) => testToken({ roles: ['akimat_officer'], territory: BOSTANDYK, subject });
const projectOffice = () => testToken({ roles: ['project_office'], territory: ALMATY, subject: 'office-almaty' });

async function ok(query: string, variables: Record<string, unknown>, token: string): Promise<any> {
  const res = await gql(subgraph.url, query, variables, token);
  expect(res.errors).toBeUndefined();
  return res.data;
}

const SUBMIT = `mutation($id: ID!) { submitMediaPlan(id: $id) { status } }`;
const REVIEW = `mutation($id: ID!, $approve: Boolean!, $remarks: String) { reviewMediaPlan(id: $id, approve: $approve, remarks: $remarks) { status } }`;
const ITEM = { channel: 'TV', outlet: '«Хабар»', level: 'REPUBLICAN', format: 'Сюжет', plannedDate: '2027-03-10', language: 'KK' };

/** A plan created by one officer of the district and submitted by another. */
async function submittedPlan(quarter: number): Promise<string> {
  const input = { territory: BOSTANDYK, year: 2027, quarter, submissionDeadline: '2026-12-25' };
  const id = (await ok(`mutation($input: CreateMediaPlanInput!) { createMediaPlan(input: $input) { id } }`, { input }, await officer('officer-creator'))).createMediaPlan.id;
  await ok(`mutation($planId: ID!, $input: AddMediaPlanItemInput!) { addMediaPlanItem(planId: $planId, input: $input) { id } }`, { planId: id, input: { ...ITEM, plannedDate: `2027-0${quarter * 3}-10` } }, await officer('officer-creator'));
  await ok(SUBMIT, { id }, await officer('officer-submitter'));
  return id;
}

const returned = (id: string) => outboxNotifications(subgraph, { kind: 'MEDIA_PLAN_RETURNED', aboutId: id });

it('a returned plan tells the officer who submitted it, once per return, without the remarks', async () => {
  const id = await submittedPlan(1);
  await ok(REVIEW, { id, approve: false, remarks: 'Добавьте материалы о результатах, а не о совещаниях.' }, await projectOffice());
  const [notice, ...more] = await returned(id);
  expect(more).toEqual([]);
  expect(notice).toEqual({
    dedupeKey: expect.stringMatching(new RegExp(`^media-plan-returned:${id}:`)),
    recipientSubject: 'officer-submitter',
    kind: 'MEDIA_PLAN_RETURNED',
    about: { type: 'MediaPlan', id },
    params: { mediaPlanId: id, territoryCode: BOSTANDYK, year: 2027, quarter: 1, submissionDeadline: '2026-12-25' },
    language: null,
    occurredAt: expect.any(String),
  });
  expect(JSON.stringify(notice)).not.toContain('совещаний');

  // Submitted again (by its creator this time) and returned again: a second notice, to them.
  await ok(SUBMIT, { id }, await officer('officer-creator'));
  await ok(REVIEW, { id, approve: false, remarks: 'Уточните даты.' }, await projectOffice());
  expect((await returned(id)).map((n) => n.recipientSubject)).toEqual(['officer-submitter', 'officer-creator']);
});

it('an approval, or a refused return, writes nothing', async () => {
  const approved = await submittedPlan(2);
  await ok(REVIEW, { id: approved, approve: true }, await projectOffice());
  expect(await returned(approved)).toEqual([]);

  const id = await submittedPlan(3);
  const noRemarks = await gql(subgraph.url, REVIEW, { id, approve: false }, await projectOffice());
  expect(noRemarks.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'remarks' });
  const notTheirs = await gql(subgraph.url, REVIEW, { id, approve: false, remarks: 'Нет' }, await officer('officer-creator'));
  expect(notTheirs.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect(await returned(id)).toEqual([]);
});
