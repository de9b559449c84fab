import { stableId } from '@rz/subgraph-runtime';
import { gql, startTestSubgraph, type TestSubgraph } from '@rz/test-support';
import { atameken } from '../../subgraph';

/**
 * Indicators on a small explicit data set in a fresh database. Every row is dated in
 * 2025, so open complaints with a 2025 due day are overdue whenever the test runs.
 */
let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
  for (const row of ROWS) await insert(row);
});
afterAll(() => subgraph?.close());

const ALMATY = '750000000';
const MEDEU = '751710000';
const BOSTANDYQ = '751410000';
const ASTANA = '710000000';

interface Row {
  key: string;
  territory: string;
  filed: string;
  status: string;
  due: string;
  resolved?: string;
  duplicateOf?: string;
}

const ROWS: Row[] = [
  // March 2025, Almaty (districts and the city itself)
  { key: 'A', territory: MEDEU, filed: '2025-03-03T10:00:00+05:00', status: 'RESOLVED', due: '2025-03-24', resolved: '2025-03-05T10:00:00+05:00' }, // 2 days
  { key: 'B', territory: MEDEU, filed: '2025-03-04T09:00:00+05:00', status: 'RESOLVED', due: '2025-03-25', resolved: '2025-03-14T09:00:00+05:00' }, // 10 days
  // Resolved at 03:00 on 1 April in Kazakhstan (still 31 March in UTC), one day after its due day: late.
  { key: 'C', territory: BOSTANDYQ, filed: '2025-03-10T12:00:00+05:00', status: 'RESOLVED_BY_CITIZENS', due: '2025-03-31', resolved: '2025-04-01T03:00:00+05:00' }, // 21.625 days
  // Resolved on its due day: within the deadline.
  { key: 'D', territory: ALMATY, filed: '2025-03-12T08:00:00+05:00', status: 'RESOLVED', due: '2025-03-16', resolved: '2025-03-16T20:00:00+05:00' }, // 4.5 days
  { key: 'E', territory: MEDEU, filed: '2025-03-20T11:00:00+05:00', status: 'SUBMITTED', due: '2025-04-10' }, // overdue
  { key: 'F', territory: BOSTANDYQ, filed: '2025-03-25T11:00:00+05:00', status: 'IN_PROGRESS', due: '2099-12-31' }, // open, not overdue
  { key: 'G', territory: MEDEU, filed: '2025-03-28T11:00:00+05:00', status: 'REJECTED', due: '2025-04-18' },
  { key: 'H', territory: MEDEU, filed: '2025-03-29T11:00:00+05:00', status: 'DUPLICATE', due: '2025-04-18', duplicateOf: 'E' },
  // 23:30 on 31 March in Kazakhstan: March, although 18:30 UTC.
  { key: 'I', territory: MEDEU, filed: '2025-03-31T23:30:00+05:00', status: 'RESOLVED', due: '2025-04-21', resolved: '2025-04-01T23:30:00+05:00' }, // 1 day
  // Outside March in Kazakhstan, though 31 March in UTC.
  { key: 'J', territory: MEDEU, filed: '2025-04-01T00:30:00+05:00', status: 'RESOLVED', due: '2025-04-22', resolved: '2025-04-03T00:30:00+05:00' }, // 2 days
  { key: 'K', territory: MEDEU, filed: '2025-02-28T23:00:00+05:00', status: 'SUBMITTED', due: '2025-03-21' },
  // Another region.
  { key: 'L', territory: ASTANA, filed: '2025-03-15T10:00:00+05:00', status: 'RESOLVED', due: '2025-04-04', resolved: '2025-03-16T10:00:00+05:00' },
];

const id = (key: string) => stableId(`indicators-test:${key}`);

async function insert(row: Row): Promise<void> {
  await subgraph.db.query(
    `INSERT INTO complaint (id, topic, text, territory_code, status, author_subject, created_at, updated_at,
                            responsible_territory_code, due_on, resolved_at, duplicate_of_id)
     VALUES ($1, 'ROADS', 'Яма на дороге у школы номер 12.', $2, $3, 'citizen-indicators', $4, $4, $2, $5, $6, $7)`,
    [id(row.key), row.territory, row.status, row.filed, row.due, row.resolved ?? null, row.duplicateOf ? id(row.duplicateOf) : null],
  );
}

const FIELDS = `from to filed open resolvedByState resolvedByCitizens rejected duplicates overdue resolvedWithinDeadline medianDaysToResolve shareResolvedWithinDeadline`;
const INDICATORS = `query($t: ID!, $from: String!, $to: String!) { complaintIndicators(territory: $t, from: $from, to: $to) { ${FIELDS} } }`;
const TREND = `query($t: ID!, $from: String!, $to: String!) { complaintTrend(territory: $t, from: $from, to: $to) { month filed resolvedByState resolvedByCitizens medianDaysToResolve } }`;

async function indicators(territory: string, from: string, to: string) {
  const res = await gql(subgraph.url, INDICATORS, { t: territory, from, to });
  expect(res.errors).toBeUndefined();
  return res.data!.complaintIndicators;
}

describe('complaint indicators', () => {
  it('counts a city with its districts for a month, in Kazakhstan days', async () => {
    expect(await indicators(ALMATY, '2025-03-01', '2025-03-31')).toEqual({
      from: '2025-03-01',
      to: '2025-03-31',
      filed: 9,
      open: 2,
      resolvedByState: 4,
      resolvedByCitizens: 1,
      rejected: 1,
      duplicates: 1,
      overdue: 1,
      resolvedWithinDeadline: 4,
      // 1, 2, 4.5, 10, 21.625 days
      medianDaysToResolve: 4.5,
      shareResolvedWithinDeadline: 0.8,
    });
  });

  it('counts one district only', async () => {
    expect(await indicators(MEDEU, '2025-03-01', '2025-03-31')).toMatchObject({
      filed: 6,
      open: 1,
      resolvedByState: 3,
      resolvedByCitizens: 0,
      rejected: 1,
      duplicates: 1,
      overdue: 1,
      resolvedWithinDeadline: 3,
      medianDaysToResolve: 2,
      shareResolvedWithinDeadline: 1,
    });
    expect(await indicators(BOSTANDYQ, '2025-03-01', '2025-03-31')).toMatchObject({
      filed: 2,
      open: 1,
      overdue: 0,
      resolvedByCitizens: 1,
      resolvedWithinDeadline: 0,
      medianDaysToResolve: 21.63,
      shareResolvedWithinDeadline: 0,
    });
  });

  it('counts the whole republic when no territory is given', async () => {
    const republic = await gql(subgraph.url, `query($from: String!, $to: String!) { complaintIndicators(from: $from, to: $to) { ${FIELDS} } }`, { from: '2025-03-01', to: '2025-03-31' });
    expect(republic.errors).toBeUndefined();
    // Almaty's nine and Astana's one (L).
    expect(republic.data!.complaintIndicators).toMatchObject({ filed: 10, open: 2, resolvedByState: 5, resolvedByCitizens: 1, rejected: 1, duplicates: 1, overdue: 1 });
    const trend = await gql(subgraph.url, `{ complaintTrend(from: "2025-03-01", to: "2025-03-31") { month filed } }`);
    expect(trend.errors).toBeUndefined();
    expect(trend.data!.complaintTrend).toEqual([{ month: '2025-03', filed: 10 }]);
  });

  it('takes the median of an even count as the mean of the middle two', async () => {
    expect(await indicators(ALMATY, '2025-03-03', '2025-03-04')).toMatchObject({ filed: 2, resolvedByState: 2, medianDaysToResolve: 6 });
  });

  it('answers nulls, not zeros, for shares and medians of nothing', async () => {
    expect(await indicators(ALMATY, '2024-01-01', '2024-12-31')).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
      filed: 0,
      open: 0,
      resolvedByState: 0,
      resolvedByCitizens: 0,
      rejected: 0,
      duplicates: 0,
      overdue: 0,
      resolvedWithinDeadline: 0,
      medianDaysToResolve: null,
      shareResolvedWithinDeadline: null,
    });
  });

  it('gives the trend by calendar month: filed by filing month, resolved by resolution month', async () => {
    const res = await gql(subgraph.url, TREND, { t: ALMATY, from: '2025-01-15', to: '2025-04-10' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.complaintTrend).toEqual([
      { month: '2025-01', filed: 0, resolvedByState: 0, resolvedByCitizens: 0, medianDaysToResolve: null },
      { month: '2025-02', filed: 1, resolvedByState: 0, resolvedByCitizens: 0, medianDaysToResolve: null },
      // A, B, D resolved in March: 2, 10, 4.5 days
      { month: '2025-03', filed: 9, resolvedByState: 3, resolvedByCitizens: 0, medianDaysToResolve: 4.5 },
      // I, J by the state and C by citizens in April: 1, 2, 21.625 days
      { month: '2025-04', filed: 1, resolvedByState: 2, resolvedByCitizens: 1, medianDaysToResolve: 2 },
    ]);
  });

  it('offers the same figures on Territory', async () => {
    const res = await gql(
      subgraph.url,
      `{ territory(code: "${ALMATY}") {
          complaintIndicators(from: "2025-03-01", to: "2025-03-31") { ${FIELDS} }
          complaintTrend(from: "2025-03-01", to: "2025-03-31") { month filed }
      } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.territory.complaintIndicators).toEqual(await indicators(ALMATY, '2025-03-01', '2025-03-31'));
    expect(res.data!.territory.complaintTrend).toEqual([{ month: '2025-03', filed: 9 }]);
  });

  it.each([
    ['an unknown territory', 'territory', { t: '999999999', from: '2025-03-01', to: '2025-03-31' }],
    ['a date that does not exist', 'from', { t: ALMATY, from: '2025-02-30', to: '2025-03-31' }],
    ['a malformed date', 'to', { t: ALMATY, from: '2025-03-01', to: '31.03.2025' }],
    ['a period ending before it starts', 'to', { t: ALMATY, from: '2025-03-31', to: '2025-03-01' }],
    ['a period of more than three years', 'to', { t: ALMATY, from: '2020-01-01', to: '2025-03-01' }],
  ])('rejects %s as BAD_USER_INPUT on %s', async (_case, field, variables) => {
    for (const query of [INDICATORS, TREND]) {
      const res = await gql(subgraph.url, query, variables);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
