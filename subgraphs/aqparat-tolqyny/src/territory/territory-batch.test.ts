import { kato } from '@rz/schema';
import { expectStatementsIndependentOfBatchSize, gql, PAGE_SELECTION as PAGE, startTestSubgraph, territoryEntities, type TestSubgraph } from '@rz/test-support';
import { aqparatTolqyny } from '../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(aqparatTolqyny, { seedDemo: true });
});
afterAll(() => subgraph?.close());

const REGIONS = kato().regions.map((region) => region.code);
const FIELDS = `code
  faces(first: 2) { ${PAGE} }
  mediaPlans(first: 1) { ${PAGE} }
  approved: mediaPlans(first: 1, filter: { status: APPROVED }) { ${PAGE} }`;

describe('Territory fields of aqparat-tolqyny for a batch of territories', () => {
  it('take as many statements for the 20 regions as for one', () =>
    expectStatementsIndependentOfBatchSize(subgraph, '750000000', REGIONS, FIELDS));

  it('give each territory what the lists give for it alone, page after page', async () => {
    const { entities } = await territoryEntities(subgraph, REGIONS, FIELDS);
    const lists = await Promise.all(
      REGIONS.map((code) =>
        gql(
          subgraph.url,
          `{ faces(first: 2, filter: { territory: "${code}" }) { ${PAGE} }
             mediaPlans(first: 1, filter: { territory: "${code}" }) { ${PAGE} }
             approved: mediaPlans(first: 1, filter: { territory: "${code}", status: APPROVED }) { ${PAGE} } }`,
        ),
      ),
    );
    entities.forEach((territory, i) => {
      expect(lists[i].errors).toBeUndefined();
      expect(territory).toEqual({ ...lists[i].data, code: REGIONS[i] });
    });
    expect(entities.some((t) => t.faces.pageInfo.hasNextPage)).toBe(true);
    expect(entities.some((t) => t.approved.totalCount > 0)).toBe(true);

    // The next page, from a cursor the batch gave.
    const paged = entities.find((t) => t.faces.pageInfo.hasNextPage)!;
    const after = paged.faces.pageInfo.endCursor;
    const next = await territoryEntities(subgraph, [paged.code], `faces(first: 2, after: "${after}") { ${PAGE} }`);
    const alone = await gql(subgraph.url, `{ faces(first: 2, after: "${after}", filter: { territory: "${paged.code}" }) { ${PAGE} } }`);
    expect(next.entities[0].faces).toEqual(alone.data!.faces);
    expect(next.entities[0].faces.nodes).not.toContainEqual(paged.faces.nodes[0]);
  });
});
