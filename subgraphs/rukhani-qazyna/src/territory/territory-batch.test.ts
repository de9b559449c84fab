import { kato } from '@rz/schema';
import { expectStatementsIndependentOfBatchSize, gql, PAGE_SELECTION as PAGE, startTestSubgraph, territoryEntities, type TestSubgraph } from '@rz/test-support';
import { rukhaniQazyna } from '../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(rukhaniQazyna, { seedDemo: true });
});
afterAll(() => subgraph?.close());

const REGIONS = kato().regions.map((region) => region.code);
const FIELDS = `code
  monuments(first: 2) { ${PAGE} }
  searched: monuments(first: 2, filter: { search: "мавзолей" }) { ${PAGE} }
  routes { ${PAGE} }
  qrCoverage { monuments monumentsWithInstalledQr share }`;

describe('Territory fields of rukhani-qazyna for a batch of territories', () => {
  it('take as many statements for the 20 regions as for one', () =>
    expectStatementsIndependentOfBatchSize(subgraph, '750000000', REGIONS, FIELDS));

  it('give each territory what the lists give for it alone, page after page', async () => {
    const { entities } = await territoryEntities(subgraph, REGIONS, FIELDS);
    const lists = await Promise.all(
      REGIONS.map((code) =>
        gql(
          subgraph.url,
          `{ monuments(first: 2, filter: { territory: "${code}" }) { ${PAGE} }
             searched: monuments(first: 2, filter: { territory: "${code}", search: "мавзолей" }) { ${PAGE} }
             routes: tourismRoutes(filter: { territory: "${code}" }) { ${PAGE} } }`,
        ),
      ),
    );
    entities.forEach((territory, i) => {
      expect(lists[i].errors).toBeUndefined();
      expect(territory).toEqual({ ...lists[i].data, code: REGIONS[i], qrCoverage: territory.qrCoverage });
    });
    expect(entities.some((t) => t.monuments.pageInfo.hasNextPage)).toBe(true);
    expect(entities.some((t) => t.routes.totalCount > 0)).toBe(true);
    expect(entities.some((t) => t.searched.totalCount > 0)).toBe(true);

    // The next page, from a cursor the batch gave.
    const paged = entities.find((t) => t.monuments.pageInfo.hasNextPage)!;
    const after = paged.monuments.pageInfo.endCursor;
    const next = await territoryEntities(subgraph, [paged.code], `monuments(first: 2, after: "${after}") { ${PAGE} }`);
    const alone = await gql(subgraph.url, `{ monuments(first: 2, after: "${after}", filter: { territory: "${paged.code}" }) { ${PAGE} } }`);
    expect(next.entities[0].monuments).toEqual(alone.data!.monuments);
    expect(next.entities[0].monuments.nodes).not.toContainEqual(paged.monuments.nodes[0]);
  });
});
