import { kato } from '@rz/schema';
import { expectStatementsIndependentOfBatchSize, gql, PAGE_SELECTION as PAGE, startTestSubgraph, territoryEntities, type TestSubgraph } from '@rz/test-support';
import { tarbieBilim } from '../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(tarbieBilim, { seedDemo: true });
});
afterAll(() => subgraph?.close());

const REGIONS = kato().regions.map((region) => region.code);
const INDICATORS = `clubs clubMembers events eventsByKind { kind count } eventsByBaseProject { baseProject count } participants enrolledStudents
  participationShare excursionsToMonuments monumentsVisited`;
const FIELDS = `code
  clubs(first: 1) { ${PAGE} }
  events(first: 2) { ${PAGE} }
  localHistory(first: 1) { ${PAGE} }
  y2025: tarbieBilimIndicators(schoolYear: 2025) { ${INDICATORS} }
  y2026: tarbieBilimIndicators(schoolYear: 2026) { ${INDICATORS} }`;

describe('Territory fields of tarbie-bilim for a batch of territories', () => {
  it('take as many statements for the 20 regions as for one', () =>
    expectStatementsIndependentOfBatchSize(subgraph, '750000000', REGIONS, FIELDS));

  it('give each territory what the lists and indicators give for it alone, page after page', async () => {
    const { entities } = await territoryEntities(subgraph, REGIONS, FIELDS);
    const alone = await Promise.all(
      REGIONS.map((code) =>
        gql(
          subgraph.url,
          `{
             clubs: localHistoryClubs(first: 1, filter: { territory: "${code}" }) { ${PAGE} }
             events(first: 2, filter: { territory: "${code}" }) { ${PAGE} }
             localHistory: localHistoryMaterials(first: 1, filter: { territory: "${code}" }) { ${PAGE} }
             y2025: tarbieBilimIndicators(schoolYear: 2025, territory: "${code}") { ${INDICATORS} }
             y2026: tarbieBilimIndicators(schoolYear: 2026, territory: "${code}") { ${INDICATORS} } }`,
        ),
      ),
    );
    entities.forEach((territory, i) => {
      expect(alone[i].errors).toBeUndefined();
      expect(territory).toEqual({ ...alone[i].data, code: REGIONS[i] });
    });
    for (const field of ['clubs', 'events', 'localHistory']) expect(entities.some((t) => t[field].pageInfo.hasNextPage)).toBe(true);
    expect(entities.some((t) => t.y2025.events + t.y2026.events > 0 && t.y2025.clubs + t.y2026.clubs > 0)).toBe(true);

    // The next page, from a cursor the batch gave.
    const paged = entities.find((t) => t.events.pageInfo.hasNextPage)!;
    const after = paged.events.pageInfo.endCursor;
    const next = await territoryEntities(subgraph, [paged.code], `events(first: 2, after: "${after}") { ${PAGE} }`);
    const list = await gql(subgraph.url, `{ events(first: 2, after: "${after}", filter: { territory: "${paged.code}" }) { ${PAGE} } }`);
    expect(next.entities[0].events).toEqual(list.data!.events);
    expect(next.entities[0].events.nodes).not.toContainEqual(paged.events.nodes[0]);
  });
});
