import { kato } from '@rz/schema';
import { expectStatementsIndependentOfBatchSize, gql, PAGE_SELECTION as PAGE, startTestSubgraph, territoryEntities, type TestSubgraph } from '@rz/test-support';
import { atameken } from '../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken, { seedDemo: true });
});
afterAll(() => subgraph?.close());

const REGIONS = kato().regions.map((region) => region.code);
const PERIOD = 'from: "2025-01-01", to: "2026-12-31"';
const INDICATORS = `filed open resolvedByState resolvedByCitizens rejected duplicates overdue resolvedWithinDeadline medianDaysToResolve shareResolvedWithinDeadline`;
const RANKING = `periodStart periodEnd entries { rank score patronName volunteer { id } }`;
const FIELDS = `code
  complaints(first: 1) { ${PAGE} }
  ecology: complaints(first: 1, filter: { topic: ECOLOGY }) { ${PAGE} }
  initiatives(first: 1) { ${PAGE} }
  complaintIndicators(${PERIOD}) { ${INDICATORS} }
  complaintTrend(${PERIOD}) { month filed resolvedByState resolvedByCitizens medianDaysToResolve }
  active: zhomartRanking(nomination: MOST_ACTIVE_VOLUNTEER, period: YEAR) { ${RANKING} }
  patrons: zhomartRanking(nomination: BEST_PATRON, period: YEAR, day: "2026-06-01", first: 3) { ${RANKING} }`;

describe('Territory fields of atameken for a batch of territories', () => {
  it('take as many statements for the 20 regions as for one', () =>
    expectStatementsIndependentOfBatchSize(subgraph, '750000000', REGIONS, FIELDS));

  it('give each territory what the lists give for it alone, page after page', async () => {
    const { entities } = await territoryEntities(subgraph, REGIONS, FIELDS);
    const lists = await Promise.all(
      REGIONS.map((code) =>
        gql(
          subgraph.url,
          `{ complaints(first: 1, filter: { territory: "${code}" }) { ${PAGE} }
             ecology: complaints(first: 1, filter: { territory: "${code}", topic: ECOLOGY }) { ${PAGE} }
             initiatives(first: 1, filter: { territory: "${code}" }) { ${PAGE} }
             complaintIndicators(territory: "${code}", ${PERIOD}) { ${INDICATORS} }
             complaintTrend(territory: "${code}", ${PERIOD}) { month filed resolvedByState resolvedByCitizens medianDaysToResolve }
             active: zhomartRanking(nomination: MOST_ACTIVE_VOLUNTEER, territory: "${code}", period: YEAR) { ${RANKING} }
             patrons: zhomartRanking(nomination: BEST_PATRON, territory: "${code}", period: YEAR, day: "2026-06-01", first: 3) { ${RANKING} } }`,
        ),
      ),
    );
    entities.forEach((territory, i) => {
      expect(lists[i].errors).toBeUndefined();
      expect(territory).toEqual({ ...lists[i].data, code: REGIONS[i] });
    });
    for (const field of ['complaints', 'ecology', 'initiatives']) expect(entities.some((t) => t[field].pageInfo.hasNextPage)).toBe(true);
    expect(entities.some((t) => t.complaintIndicators.filed > 0 && t.complaintIndicators.medianDaysToResolve !== null)).toBe(true);
    expect(entities.some((t) => t.complaintIndicators.filed === 0)).toBe(true);
    expect(entities.every((t) => t.complaintTrend.length === 24)).toBe(true);
    expect(entities.some((t) => t.active.entries.length > 0)).toBe(true);

    // The next page, from a cursor the batch gave.
    const paged = entities.find((t) => t.initiatives.pageInfo.hasNextPage)!;
    const after = paged.initiatives.pageInfo.endCursor;
    const next = await territoryEntities(subgraph, [paged.code], `initiatives(first: 2, after: "${after}") { ${PAGE} }`);
    const alone = await gql(subgraph.url, `{ initiatives(first: 2, after: "${after}", filter: { territory: "${paged.code}" }) { ${PAGE} } }`);
    expect(next.entities[0].initiatives).toEqual(alone.data!.initiatives);
    expect(next.entities[0].initiatives.nodes).not.toContainEqual(paged.initiatives.nodes[0]);
  });

  it('refuses a ranking scope below a district for that territory alone', async () => {
    const res = await gql(
      subgraph.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Territory { code zhomartRanking(nomination: MOST_ACTIVE_VOLUNTEER, period: YEAR) { periodStart } } } }`,
      { reps: ['750000000', '611010000'].map((code) => ({ __typename: 'Territory', code })) },
    );
    expect(res.data!._entities[0].zhomartRanking).not.toBeNull();
    expect(res.data!._entities[1].zhomartRanking).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({ path: ['_entities', 1, 'zhomartRanking'], extensions: { code: 'BAD_USER_INPUT' } });
  });
});
