import { statementCounter } from '@rz/subgraph-runtime';
import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { atameken } from '../../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
});
afterAll(() => subgraph?.close());

const MEDEU = '751710000';
const TURKISTAN_CITY = '611010000';
const TURKISTAN_REGION = '610000000';

const MAP = `query($filter: InitiativeMapFilter, $first: Int, $after: String) {
  initiativeMap(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    points { id lat lon status kind direction category title(lang: RU) }
  }
}`;

async function propose(overrides: Record<string, unknown>): Promise<string> {
  const res = await gql(
    subgraph.url,
    `mutation($input: ProposeInitiativeInput!) { proposeInitiative(input: $input) { id } }`,
    {
      input: {
        kind: 'SOCIAL',
        direction: 'CULTURE',
        category: 'A',
        title: { kk: 'Бастама', ru: 'Инициатива' },
        territory: MEDEU,
        location: { lat: 43.25, lon: 76.95 },
        estimate: 0,
        ...overrides,
      },
    },
    await testToken({ subject: 'citizen-map', roles: ['citizen'] }),
  );
  expect(res.errors).toBeUndefined();
  return res.data!.proposeInitiative.id;
}

async function map(variables: Record<string, unknown>) {
  const res = await gql(subgraph.url, MAP, variables);
  expect(res.errors).toBeUndefined();
  return res.data!.initiativeMap;
}

describe('initiative map', () => {
  it('returns only located initiatives in a viewport or territory, filtered by kind, direction, category and status', async () => {
    const almatyCulture = await propose({});
    const almatyHealth = await propose({ direction: 'HEALTH', kind: 'LOGISTICS', category: 'B', location: { lat: 43.26, lon: 76.96 } });
    await propose({ location: null });
    const turkistan = await propose({ territory: TURKISTAN_CITY, location: { lat: 43.3, lon: 68.25 }, title: { en: 'Library' } });

    const all = await map({});
    expect(all.totalCount).toBe(3);
    expect(all.points.map((p: any) => p.id)).toEqual([turkistan, almatyHealth, almatyCulture]);
    expect(all.points[0]).toEqual({
      id: turkistan,
      lat: 43.3,
      lon: 68.25,
      status: 'INITIATED',
      kind: 'SOCIAL',
      direction: 'CULTURE',
      category: 'A',
      title: 'Library',
    });

    const ids = async (filter: Record<string, unknown>) => (await map({ filter })).points.map((p: any) => p.id);
    expect(await ids({ within: { south: 43, west: 76, north: 44, east: 77 } })).toEqual([almatyHealth, almatyCulture]);
    expect(await ids({ within: { south: 43.255, west: 76, north: 44, east: 77 } })).toEqual([almatyHealth]);
    expect(await ids({ territory: TURKISTAN_REGION })).toEqual([turkistan]);
    expect(await ids({ kinds: ['LOGISTICS', 'CHARITY_EVENT'] })).toEqual([almatyHealth]);
    expect(await ids({ directions: ['CULTURE'], category: 'A' })).toEqual([turkistan, almatyCulture]);
    expect(await ids({ statuses: ['IN_PROGRESS', 'IMPLEMENTED'] })).toEqual([]);
    expect(await ids({ statuses: ['INITIATED'], within: { south: 43, west: 68, north: 43.5, east: 69 } })).toEqual([turkistan]);
  });

  it('rejects bad viewports, territories, page sizes and cursors', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ filter: { within: { south: 44, west: 76, north: 43, east: 77 } } }, 'filter.within.north'],
      [{ filter: { within: { south: 43, west: 77, north: 44, east: 76 } } }, 'filter.within.east'],
      [{ filter: { within: { south: -91, west: 76, north: 44, east: 77 } } }, 'filter.within.south'],
      [{ filter: { territory: '999999999' } }, 'filter.territory'],
      [{ first: 0 }, 'first'],
      [{ first: 5001 }, 'first'],
      [{ after: 'garbage' }, 'after'],
    ];
    for (const [variables, field] of cases) {
      const res = await gql(subgraph.url, MAP, variables);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('serves thousands of points in large pages, without gaps or repeats, in two statements a page', async () => {
    // 4000 located initiatives straight into the table, spread over a viewport in Turkistan region.
    await subgraph.db.query(`
      INSERT INTO initiative (id, kind, direction, category, title_ru, territory_code, lat, lon, estimate, status, author_subject, responsible_territory_code)
      SELECT (lpad(to_hex(g), 8, '0') || '-0000-7000-8000-000000000000')::uuid, 'SOCIAL', 'EDUCATION', 'A', 'Точка ' || g, '${TURKISTAN_CITY}',
             42.0 + (g % 100) * 0.01, 68.0 + (g / 100) * 0.01, 0, 'INITIATED', 'bulk', '${TURKISTAN_CITY}'
      FROM generate_series(1, 4000) AS g`);
    const filter = { within: { south: 41.9, west: 67.9, north: 43.1, east: 68.5 }, directions: ['EDUCATION'] };
    const counter = statementCounter(subgraph.db);
    // The live-subscription outbox polls on the same pool; its reads are not this query's.
    const counting = counter as unknown as { logQuery(query: string, ...rest: unknown[]): void };
    const original = counting.logQuery.bind(counter);
    // The rest carries the query runner, by which the counter leaves out the notification relay's rounds.
    counting.logQuery = (query: string, ...rest: unknown[]) => {
      if (!query.includes('complaint_event')) original(query, ...rest);
    };
    const seen: string[] = [];
    const statements: number[] = [];
    let after: string | null = null;
    do {
      counter.reset();
      const page: any = await map({ filter, first: 1500, after });
      statements.push(counter.count);
      expect(page.totalCount).toBe(4000);
      seen.push(...page.points.map((p: any) => p.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(4000);
    expect(new Set(seen).size).toBe(4000);
    expect(statements).toEqual([2, 2, 2]);
    counting.logQuery = original;
  });
});
