import { gql, outboxNotifications, startTestSubgraph, testToken, type TestSubgraph } from '@rz/test-support';
import { projectOffice } from '../subgraph';

const ALMATY = '750000000';
const ALMALY_DISTRICT = '751110000';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(projectOffice);
});
afterAll(() => subgraph?.close());

const officer = (subject: string) => testToken({ subject, roles: ['akimat_officer'], territory: ALMALY_DISTRICT });
const office = () => testToken({ subject: 'office-almaty', roles: ['project_office'], territory: ALMATY });
const REVIEW = `mutation($id: ID!, $accept: Boolean!, $remarks: String) { reviewDistrictReport(id: $id, accept: $accept, remarks: $remarks) { id status } }`;

/**
 * A report created by one officer and standing SUBMITTED. Submitting reads the figures through the
 * gateway, which this test does not run: the submission is written as submitDistrictReport writes it.
 */
async function submitted(periodEnd: string, submittedBy: string | null): Promise<string> {
  const res = await gql(
    subgraph.url,
    `mutation($input: CreateDistrictReportInput!) { createDistrictReport(input: $input) { id } }`,
    { input: { territory: ALMALY_DISTRICT, periodEnd } },
    await officer('akimat-creator'),
  );
  expect(res.errors).toBeUndefined();
  const id = res.data!.createDistrictReport.id;
  await subgraph.db.query(`UPDATE district_report SET status = 'SUBMITTED', results = 'Ашылды 3 үйірме', snapshot = '{}', snapshot_at = now(), submitted_at = now(), submitted_by = $2 WHERE id = $1`, [id, submittedBy]);
  return id;
}

const returned = (id: string) => outboxNotifications(subgraph, { kind: 'DISTRICT_REPORT_RETURNED', aboutId: id });

it('a returned report tells the officer who submitted it, once, without the remarks', async () => {
  const id = await submitted('2026-11-13', 'akimat-submitter');
  const res = await gql(subgraph.url, REVIEW, { id, accept: false, remarks: 'Цифры по клубам расходятся с отчётом школы.' }, await office());
  expect(res.errors).toBeUndefined();
  const notices = await returned(id);
  expect(notices).toEqual([
    {
      dedupeKey: expect.stringMatching(new RegExp(`^district-report-returned:${id}:`)),
      recipientSubject: 'akimat-submitter',
      kind: 'DISTRICT_REPORT_RETURNED',
      about: { type: 'DistrictReport', id },
      params: { reportId: id, territoryCode: ALMALY_DISTRICT, periodStart: '2026-10-24', periodEnd: '2026-11-13' },
      language: null,
      occurredAt: expect.any(String),
    },
  ]);
  expect(JSON.stringify(notices)).not.toContain('клубам');
});

it('a report submitted before submitters were recorded tells its creator', async () => {
  const id = await submitted('2026-11-27', null);
  expect((await gql(subgraph.url, REVIEW, { id, accept: false, remarks: 'Добавьте итоги.' }, await office())).errors).toBeUndefined();
  expect((await returned(id)).map((n) => n.recipientSubject)).toEqual(['akimat-creator']);
});

it('an acceptance, or a refused return, writes nothing', async () => {
  const accepted = await submitted('2026-10-23', 'akimat-submitter');
  expect((await gql(subgraph.url, REVIEW, { id: accepted, accept: true }, await office())).errors).toBeUndefined();
  expect(await returned(accepted)).toEqual([]);

  const id = await submitted('2026-10-09', 'akimat-submitter');
  const noRemarks = await gql(subgraph.url, REVIEW, { id, accept: false }, await office());
  expect(noRemarks.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'remarks' });
  const notReviewer = await gql(subgraph.url, REVIEW, { id, accept: false, remarks: 'Нет' }, await officer('akimat-creator'));
  expect(notReviewer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect(await returned(id)).toEqual([]);
});
