import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { faceDemoId } from '../demo/media-plans.seed';
import { aqparatTolqyny } from '../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(aqparatTolqyny, { seedDemo: true });
});
afterAll(() => subgraph?.close());

const QUERY = `{
  faceProgress {
    target selected featured chosen remaining
    regions { region { code } nominated shortlisted selected featured declined chosen }
  }
}`;

async function progress() {
  const res = await gql(subgraph.url, QUERY);
  expect(res.errors).toBeUndefined();
  const { regions, ...republic } = res.data!.faceProgress;
  const byRegion = Object.fromEntries(regions.map(({ region, ...counts }: any) => [region.code, counts]));
  return { republic, byRegion, regionCount: regions.length };
}

const zero = { nominated: 0, shortlisted: 0, selected: 0, featured: 0, declined: 0, chosen: 0 };

describe('"100 new faces" progress', () => {
  it('counts the demo faces per region against the target of 100', async () => {
    const { republic, byRegion, regionCount } = await progress();
    expect(regionCount).toBe(20);
    expect(republic).toEqual({ target: 100, selected: 3, featured: 2, chosen: 5, remaining: 95 });
    expect(byRegion['610000000']).toEqual({ nominated: 1, shortlisted: 1, selected: 1, featured: 1, declined: 0, chosen: 2 });
    expect(byRegion['790000000']).toEqual({ nominated: 1, shortlisted: 0, selected: 0, featured: 1, declined: 1, chosen: 1 });
    expect(byRegion['750000000']).toEqual({ nominated: 1, shortlisted: 1, selected: 1, featured: 0, declined: 1, chosen: 1 });
    expect(byRegion['310000000']).toEqual({ nominated: 1, shortlisted: 1, selected: 1, featured: 0, declined: 0, chosen: 1 });
    expect(byRegion['710000000']).toEqual(zero);
  });

  it('moves the counts as faces are selected and featured', async () => {
    const taraz = '311000000';
    const officer = await testToken({ roles: ['akimat_officer'], territory: taraz, subject: 'officer-taraz' });
    const office = await testToken({ roles: ['project_office'], territory: '310000000', subject: 'office-zhambyl' });
    // The demo SELECTED scientist of Taraz is featured by a published item; the civil servant of Shu is selected.
    const plan = await gql(
      subgraph.url,
      `mutation($input: CreateMediaPlanInput!) { createMediaPlan(input: $input) { id } }`,
      { input: { territory: taraz, year: 2026, quarter: 3, submissionDeadline: '2026-06-26' } },
      officer,
    );
    const planId = plan.data!.createMediaPlan.id;
    const item = await gql(
      subgraph.url,
      `mutation($planId: ID!, $input: AddMediaPlanItemInput!) { addMediaPlanItem(planId: $planId, input: $input) { id } }`,
      {
        planId,
        input: {
          channel: 'PRINT',
          outlet: '«Aq jol»',
          level: 'REGIONAL',
          format: 'Очерк',
          rubric: '«100 жаңа есім»',
          plannedDate: '2026-09-04',
          language: 'KK',
          subjects: [{ kind: 'FACE', id: faceDemoId('zhambyl-scientist') }],
        },
      },
      officer,
    );
    expect(item.errors).toBeUndefined();
    await gql(subgraph.url, `mutation($id: ID!) { submitMediaPlan(id: $id) { id } }`, { id: planId }, officer);
    await gql(subgraph.url, `mutation($id: ID!) { reviewMediaPlan(id: $id, approve: true) { id } }`, { id: planId }, office);
    const published = await gql(
      subgraph.url,
      `mutation($id: ID!) { publishMediaItem(id: $id, input: { link: "https://aqjol.kz/100-zhana-esim/talas-ghalymy", publishedOn: "2026-09-04", reach: 9000 }) { status } }`,
      { id: item.data!.addMediaPlanItem.id },
      officer,
    );
    expect(published.errors).toBeUndefined();
    const selected = await gql(
      subgraph.url,
      `mutation($id: ID!) { changeFaceStatus(id: $id, to: SELECTED) { status } }`,
      { id: faceDemoId('zhambyl-civil-servant') },
      office,
    );
    expect(selected.data!.changeFaceStatus.status).toBe('SELECTED');

    const { republic, byRegion } = await progress();
    expect(republic).toEqual({ target: 100, selected: 3, featured: 3, chosen: 6, remaining: 94 });
    expect(byRegion['310000000']).toEqual({ nominated: 1, shortlisted: 0, selected: 1, featured: 1, declined: 0, chosen: 2 });
  });
});
