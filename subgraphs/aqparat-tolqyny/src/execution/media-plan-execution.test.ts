import { statementCounter } from '@rz/subgraph-runtime';
import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { DEMO_MEDIA_PLANS, mediaPlanDemoId } from '../demo/media-plans.seed';
import { aqparatTolqyny } from '../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(aqparatTolqyny, { seedDemo: true });
});
afterAll(() => subgraph?.close());

const EXECUTION = 'execution { itemsPlanned publishedOnTime publishedLate cancelled pending overdue reach reachByChannel { channel published reach } }';
const MERKE = '315400000';

const officer = () => testToken({ roles: ['akimat_officer'], territory: MERKE, subject: 'officer-merke' });
const office = () => testToken({ roles: ['project_office'], territory: '310000000', subject: 'office-zhambyl' });
/** Reads every plan, also those not approved yet. */
const admin = () => testToken({ roles: ['admin'], subject: 'admin-1' });

async function execution(planId: string) {
  const res = await gql(subgraph.url, `query($id: ID!) { mediaPlan(id: $id) { ${EXECUTION} } }`, { id: planId }, await admin());
  expect(res.errors).toBeUndefined();
  return res.data!.mediaPlan.execution;
}

const channels = (figures: Partial<Record<string, [number, number]>>) =>
  ['TV', 'RADIO', 'PRINT', 'ONLINE', 'SOCIAL_MEDIA'].map((channel) => {
    const [published, reach] = figures[channel] ?? [0, 0];
    return { channel, published, reach };
  });

describe('media plan execution', () => {
  it('counts items planned, published on time and late, cancelled, and reach by channel on a known plan', async () => {
    const token = await officer();
    const plan = await gql(
      subgraph.url,
      `mutation($input: CreateMediaPlanInput!) { createMediaPlan(input: $input) { id } }`,
      { input: { territory: MERKE, year: 2025, submissionDeadline: '2025-01-31' } },
      token,
    );
    const planId = plan.data!.createMediaPlan.id;
    // [channel, planned date, outcome]
    const dataSet: [string, string, { on: string; reach: number } | 'cancel' | null][] = [
      ['TV', '2025-03-10', { on: '2025-03-10', reach: 1000 }], // on the planned day: on time
      ['TV', '2025-04-01', { on: '2025-03-28', reach: 2500 }], // early: on time
      ['RADIO', '2025-05-05', { on: '2025-05-06', reach: 300 }], // a day late
      ['ONLINE', '2025-06-01', { on: '2025-07-15', reach: 0 }], // late, nobody counted
      ['PRINT', '2025-07-01', 'cancel'],
      ['SOCIAL_MEDIA', '2025-08-01', 'cancel'],
      ['PRINT', '2025-12-31', null], // never published: pending, and overdue by now
    ];
    const ids: string[] = [];
    for (const [channel, plannedDate] of dataSet) {
      const added = await gql(
        subgraph.url,
        `mutation($planId: ID!, $input: AddMediaPlanItemInput!) { addMediaPlanItem(planId: $planId, input: $input) { id } }`,
        { planId, input: { channel, outlet: 'Mерке ауданы', level: 'REGIONAL', format: 'Материал', plannedDate, language: 'KK' } },
        token,
      );
      ids.push(added.data!.addMediaPlanItem.id);
    }
    const beforeApproval = await execution(planId);
    expect(beforeApproval).toMatchObject({ itemsPlanned: 7, publishedOnTime: 0, publishedLate: 0, cancelled: 0, pending: 7, overdue: 7, reach: 0 });

    await gql(subgraph.url, `mutation($id: ID!) { submitMediaPlan(id: $id) { id } }`, { id: planId }, token);
    await gql(subgraph.url, `mutation($id: ID!) { reviewMediaPlan(id: $id, approve: true) { id } }`, { id: planId }, await office());
    for (const [index, [, , outcome]] of dataSet.entries()) {
      if (outcome === 'cancel') {
        expect((await gql(subgraph.url, `mutation($id: ID!) { cancelMediaItem(id: $id) { id } }`, { id: ids[index] }, token)).errors).toBeUndefined();
      } else if (outcome) {
        const res = await gql(
          subgraph.url,
          `mutation($id: ID!, $input: PublishMediaItemInput!) { publishMediaItem(id: $id, input: $input) { id } }`,
          { id: ids[index], input: { link: `https://merke.kz/news/${index}`, publishedOn: outcome.on, reach: outcome.reach } },
          token,
        );
        expect(res.errors).toBeUndefined();
      }
    }

    expect(await execution(planId)).toEqual({
      itemsPlanned: 7,
      publishedOnTime: 2,
      publishedLate: 2,
      cancelled: 2,
      pending: 1,
      overdue: 1,
      reach: 3800,
      reachByChannel: channels({ TV: [2, 3500], RADIO: [1, 300], ONLINE: [1, 0] }),
    });
  });

  it('gives the demo plans\' figures, each plan its own', async () => {
    const res = await gql(
      subgraph.url,
      `query($a: ID!, $b: ID!, $c: ID!) { a: mediaPlan(id: $a) { ${EXECUTION} } b: mediaPlan(id: $b) { ${EXECUTION} } c: mediaPlan(id: $c) { ${EXECUTION} } }`,
      { a: mediaPlanDemoId('turkistan-city-2026-q3'), b: mediaPlanDemoId('shymkent-2026-q3'), c: mediaPlanDemoId('zhambyl-2027-q1') },
      await admin(),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.a.execution).toEqual({
      itemsPlanned: 4,
      publishedOnTime: 1,
      publishedLate: 1,
      cancelled: 1,
      pending: 1,
      overdue: 1,
      reach: 138000,
      reachByChannel: channels({ TV: [1, 120000], ONLINE: [1, 18000] }),
    });
    expect(res.data!.b.execution).toEqual({
      itemsPlanned: 5,
      publishedOnTime: 4,
      publishedLate: 1,
      cancelled: 0,
      pending: 0,
      overdue: 0,
      reach: 667000,
      reachByChannel: channels({ TV: [1, 500000], ONLINE: [2, 112000], PRINT: [1, 15000], SOCIAL_MEDIA: [1, 40000] }),
    });
    expect(res.data!.c.execution).toMatchObject({ itemsPlanned: 2, publishedOnTime: 0, publishedLate: 0, cancelled: 0, pending: 2, reach: 0, reachByChannel: channels({}) });
  });

  it('loads the figures for a page of plans in one statement', async () => {
    const query = `query($first: Int!) { mediaPlans(first: $first) { nodes { id ${EXECUTION} } } }`;
    const counter = statementCounter(subgraph.db);
    const token = await admin();
    const statementsFor = async (first: number) => {
      counter.reset();
      const res = await gql(subgraph.url, query, { first }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.mediaPlans.nodes).toHaveLength(first);
      return counter.count;
    };
    const one = await statementsFor(1);
    const all = await statementsFor(DEMO_MEDIA_PLANS.length);
    expect(all).toBe(one);
    // count, page, figures
    expect(all).toBeLessThanOrEqual(3);
  });
});
