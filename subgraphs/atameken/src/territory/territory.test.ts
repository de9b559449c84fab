import { kato } from '@rz/schema';
import { gql, startTestSubgraph, type TestSubgraph } from '@rz/test-support';
import { DEMO_COMPLAINTS } from '../demo/complaints.seed';
import { DEMO_INITIATIVES } from '../demo/initiatives.seed';
import { atameken } from '../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken, { seedDemo: true });
});
afterAll(() => subgraph?.close());

const within = (scope: string) => (row: { territory: string }) => kato().isWithin(row.territory, scope);

describe('Territory in atameken', () => {
  it('resolves Territory entities by code with their initiatives and complaints (_entities)', async () => {
    const codes = ['750000000', '751710000', '610000000', '790000000'];
    const res = await gql(
      subgraph.url,
      `query($reps: [_Any!]!) {
        _entities(representations: $reps) {
          ... on Territory { code name(lang: RU) initiatives { totalCount nodes { territory { code } } } complaints { totalCount } }
        }
      }`,
      { reps: codes.map((code) => ({ __typename: 'Territory', code })) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities.map((t: any) => t.code)).toEqual(codes);
    for (const [index, code] of codes.entries()) {
      const t = res.data!._entities[index];
      expect(t.initiatives.totalCount).toBe(DEMO_INITIATIVES.filter(within(code)).length);
      expect(t.complaints.totalCount).toBe(DEMO_COMPLAINTS.filter(within(code)).length);
      expect(t.initiatives.nodes.every((n: any) => kato().isWithin(n.territory.code, code))).toBe(true);
    }
    expect(res.data!._entities[0]).toMatchObject({ name: 'г.Алматы' });
    expect(res.data!._entities[0].initiatives.totalCount).toBeGreaterThan(res.data!._entities[1].initiatives.totalCount);
  });

  it('filters a territory\'s complaints and initiatives further', async () => {
    const res = await gql(
      subgraph.url,
      `{ territory(code: "310000000") {
          complaints(filter: { topic: ECOLOGY, status: DUPLICATE }) { totalCount }
          initiatives(filter: { status: IMPLEMENTED }) { nodes { id status } }
      } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.territory.complaints.totalCount).toBe(1);
    expect(res.data!.territory.initiatives.nodes).toHaveLength(1);
  });

  it('answers BAD_USER_INPUT for an unknown territory', async () => {
    const res = await gql(subgraph.url, `{ territory(code: "000000001") { code complaints { totalCount } } }`);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
  });
});
