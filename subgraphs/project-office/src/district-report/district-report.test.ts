import { gql, startTestSubgraph, testToken, type TestSubgraph } from '@rz/test-support';
import { projectOffice } from '../subgraph';

const ALMATY = '750000000';
const ALMALY_DISTRICT = '751110000';
const MEDEU = '751710000';

let subgraph: TestSubgraph;
let officer: string;
beforeAll(async () => {
  subgraph = await startTestSubgraph(projectOffice);
  officer = await testToken({ subject: 'akimat-almaly', roles: ['akimat_officer'], territory: ALMALY_DISTRICT });
});
afterAll(() => subgraph?.close());

const CREATE = `mutation($input: CreateDistrictReportInput!) { createDistrictReport(input: $input) { id status periodStart periodEnd dueOn overdue } }`;
const create = (input: Record<string, unknown>, token = officer) => gql(subgraph.url, CREATE, { input }, token);

describe('district reports (without the gateway: no submission here)', () => {
  it('opens a DRAFT for a period ending on a second or fourth Friday, once per period', async () => {
    const res = await create({ territory: ALMALY_DISTRICT, periodEnd: '2026-11-27' });
    expect(res.errors).toBeUndefined();
    // Past due and still a draft: overdue (the test runs after 27 November 2026).
    expect(res.data!.createDistrictReport).toMatchObject({ status: 'DRAFT', periodStart: '2026-11-14', periodEnd: '2026-11-27', dueOn: '2026-11-27', overdue: true });
    const again = await create({ territory: ALMALY_DISTRICT, periodEnd: '2026-11-27' });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.periodEnd' });
  });

  it('refuses other days, units that do not report, and districts outside the officer\'s scope', async () => {
    expect((await create({ territory: ALMALY_DISTRICT, periodEnd: '2026-11-20' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.periodEnd' });
    const city = await create({ territory: ALMATY, periodEnd: '2026-11-27' }, await testToken({ roles: ['akimat_officer'], territory: ALMATY }));
    expect(city.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.territory' });
    expect((await create({ territory: MEDEU, periodEnd: '2026-11-27' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const office = await testToken({ roles: ['project_office'], territory: ALMATY });
    expect((await create({ territory: ALMALY_DISTRICT, periodEnd: '2026-12-11' }, office)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lets the district edit the narrative of a draft and shows reports only to writers and reviewers', async () => {
    const id = (await create({ territory: ALMALY_DISTRICT, periodEnd: '2026-11-13' })).data!.createDistrictReport.id;
    const updated = await gql(
      subgraph.url,
      `mutation($id: ID!, $input: DistrictReportNarrativeInput!) { updateDistrictReport(id: $id, input: $input) { results problems } }`,
      { id, input: { results: '  3 жаңа үйірме ашылды ', problems: '' } },
      officer,
    );
    expect(updated.data!.updateDistrictReport).toEqual({ results: '3 жаңа үйірме ашылды', problems: null });
    const read = async (token?: string) => (await gql(subgraph.url, `query($id: ID!) { districtReport(id: $id) { id } }`, { id }, token)).data!.districtReport;
    expect(await read(officer)).toEqual({ id });
    expect(await read(await testToken({ roles: ['project_office'], territory: ALMATY }))).toEqual({ id });
    expect(await read()).toBeNull();
    expect(await read(await testToken({ roles: ['akimat_officer'], territory: MEDEU }))).toBeNull();
    expect(await read(await testToken({ roles: ['ministry_editor'], subprogramme: 'atameken' }))).toBeNull();
    const review = await gql(subgraph.url, `mutation($id: ID!) { reviewDistrictReport(id: $id, accept: true) { id } }`, { id }, await testToken({ roles: ['project_office'], territory: ALMATY }));
    expect(review.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'DRAFT', to: 'ACCEPTED' });
  });
});
