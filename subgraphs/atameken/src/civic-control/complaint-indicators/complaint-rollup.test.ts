import { kato } from '@rz/schema';
import { gql, startTestSubgraph, type TestSubgraph } from '@rz/test-support';
import { atameken } from '../../subgraph';
import { addDays, kzDay, kzDaySql, kzDayStart, monthEnd, monthStart } from '../../shared/kz-time';

/**
 * The indicators and trends read complaint_rollup, which triggers keep in step with complaint writes.
 * Here random filings, status changes, resolutions, reopenings, moves and deletions (single rows,
 * many rows per statement, rolled back) are followed each time by a comparison of the answers with
 * the aggregate over the complaint rows themselves, for territories at every level and the republic.
 */
let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
});
afterAll(() => subgraph?.close());

// Deterministic, so a failure can be replayed.
let seed = 20261204;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

// Almaty (a city and its districts), a region with districts, rural districts and villages, and Astana.
const AREAS = ['750000000', '710000000', '590000000'];
const CODES = AREAS.flatMap((area) => {
  const subtree = kato().subtreeCodes(area);
  return Array.from({ length: 12 }, () => pick(subtree)).concat(area);
});
const SCOPES: (string | null)[] = [null, ...new Set(CODES.flatMap((code) => kato().path(code).map((node) => node.code)))];
const STATUSES = ['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'RESOLVED_BY_CITIZENS', 'REJECTED', 'DUPLICATE'];
const SINCE = Date.parse('2025-01-01T00:00:00+05:00');
const SPAN_MS = 500 * 86_400_000;
const today = kzDay();

interface Complaint {
  territory: string;
  createdAt: Date;
  status: string;
  dueOn: string;
  resolvedAt: Date | null;
}

function randomComplaint(): Complaint {
  const createdAt = new Date(SINCE + Math.floor(random() * SPAN_MS));
  const status = pick(STATUSES);
  return { territory: pick(CODES), createdAt, status, dueOn: dueDay(createdAt), resolvedAt: resolution(status, createdAt) };
}

function dueDay(createdAt: Date): string {
  // Some in the past and some after today, so overdue is neither all nor nothing.
  return random() < 0.2 ? addDays(today, Math.floor(random() * 30)) : addDays(kzDay(createdAt), 1 + Math.floor(random() * 25));
}

function resolution(status: string, createdAt: Date): Date | null {
  if (!status.startsWith('RESOLVED')) return null;
  // Mostly days apart, sometimes exactly on a bucket bound, sometimes equal durations (ties).
  const days = random() < 0.15 ? pick([0.5, 1, 2, 7, 14]) : random() < 0.1 ? 3.25 : random() ** 2 * 70;
  return new Date(createdAt.getTime() + Math.round(days * 86_400_000));
}

async function file(count: number): Promise<void> {
  const rows = Array.from({ length: count }, randomComplaint);
  await subgraph.db.query(
    `INSERT INTO complaint (id, topic, text, territory_code, status, author_subject, created_at, updated_at, responsible_territory_code, due_on, resolved_at)
     SELECT gen_random_uuid(), 'ROADS', 'Яма на дороге у школы номер 12.', t, s, 'citizen-rollup', c, c, t, d, r
     FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::date[], $5::timestamptz[]) AS x(t, s, c, d, r)`,
    [rows.map((r) => r.territory), rows.map((r) => r.status), rows.map((r) => r.createdAt), rows.map((r) => r.dueOn), rows.map((r) => r.resolvedAt)],
  );
}

async function someIds(count: number): Promise<string[]> {
  const rows: { id: string }[] = await subgraph.db.query(`SELECT id FROM complaint ORDER BY md5(id::text || $1) LIMIT $2`, [String(random()), count]);
  return rows.map((r) => r.id);
}

/** One random write of the kinds the application and operators make. */
async function randomWrite(): Promise<string> {
  const [id] = await someIds(1);
  const kind = pick(['file', 'file many', 'status', 'resolve', 'reopen', 'due', 'move', 'text', 'delete', 'many', 'rolled back']);
  switch (kind) {
    case 'file':
      await file(1);
      break;
    case 'file many':
      await file(1 + Math.floor(random() * 40));
      break;
    case 'status':
      // resolved_at is set exactly when resolved (complaint_resolved_at_check).
      await subgraph.db.query(`UPDATE complaint SET status = $2 WHERE id = $1 AND resolved_at IS NULL`, [id, pick(STATUSES.slice(0, 3).concat('REJECTED', 'DUPLICATE'))]);
      break;
    case 'resolve': {
      const status = pick(['RESOLVED', 'RESOLVED_BY_CITIZENS']);
      await subgraph.db.query(`UPDATE complaint SET status = $2, resolved_at = created_at + make_interval(secs => $3) WHERE id = $1`, [id, status, Math.round(random() * 40 * 86400)]);
      break;
    }
    case 'reopen':
      await subgraph.db.query(`UPDATE complaint SET status = 'IN_PROGRESS', resolved_at = NULL, due_on = $2 WHERE id = $1`, [id, addDays(today, Math.floor(random() * 20) - 10)]);
      break;
    case 'due':
      await subgraph.db.query(`UPDATE complaint SET due_on = due_on + $2::int WHERE id = $1`, [id, Math.floor(random() * 30) - 15]);
      break;
    case 'move':
      await subgraph.db.query(`UPDATE complaint SET territory_code = $2 WHERE id = $1`, [id, pick(CODES)]);
      break;
    case 'text':
      await subgraph.db.query(`UPDATE complaint SET text = text || '!' WHERE id = $1`, [id]);
      break;
    case 'delete':
      await subgraph.db.query(`DELETE FROM complaint WHERE id = $1`, [id]);
      break;
    case 'many':
      // One statement over many rows, changing some counted columns of each.
      await subgraph.db.query(
        `UPDATE complaint SET status = CASE WHEN status = 'SUBMITTED' THEN 'ACCEPTED' ELSE status END,
           created_at = created_at + interval '7 hours', resolved_at = resolved_at + interval '13 hours'
         WHERE id = ANY($1)`,
        [await someIds(30)],
      );
      break;
    case 'rolled back':
      await subgraph.db
        .transaction(async (manager) => {
          await manager.query(`UPDATE complaint SET status = 'REJECTED', resolved_at = NULL WHERE id = ANY($1)`, [await someIds(10)]);
          await manager.query(`DELETE FROM complaint WHERE id = $1`, [id]);
          throw new Error('roll back');
        })
        .catch(() => undefined);
      break;
  }
  return kind;
}

const DAYS_TO_RESOLVE = `extract(epoch FROM resolved_at - created_at) / 86400`;

/** The indicators as defined: every complaint of the subtree filed in the period. */
async function directIndicators(scope: string | null, from: string, to: string) {
  const [row] = await subgraph.db.query(
    `SELECT count(*)::int AS filed,
       count(*) FILTER (WHERE status IN ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS'))::int AS open,
       count(*) FILTER (WHERE status = 'RESOLVED')::int AS "resolvedByState",
       count(*) FILTER (WHERE status = 'RESOLVED_BY_CITIZENS')::int AS "resolvedByCitizens",
       count(*) FILTER (WHERE status = 'REJECTED')::int AS rejected,
       count(*) FILTER (WHERE status = 'DUPLICATE')::int AS duplicates,
       count(*) FILTER (WHERE status IN ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS') AND due_on < ${kzDaySql('now()')})::int AS overdue,
       count(*) FILTER (WHERE resolved_at IS NOT NULL AND ${kzDaySql('resolved_at')} <= due_on)::int AS "resolvedWithinDeadline",
       round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${DAYS_TO_RESOLVE}))::numeric, 2)::float8 AS "medianDaysToResolve",
       round((count(*) FILTER (WHERE resolved_at IS NOT NULL AND ${kzDaySql('resolved_at')} <= due_on))::numeric
         / nullif(count(*) FILTER (WHERE resolved_at IS NOT NULL), 0), 4)::float8 AS "shareResolvedWithinDeadline"
     FROM complaint
     WHERE ($1::text[] IS NULL OR territory_code = ANY($1)) AND created_at >= $2 AND created_at < $3`,
    [scope === null ? null : kato().subtreeCodes(scope), kzDayStart(from), kzDayStart(addDays(to, 1))],
  );
  return { from, to, ...row };
}

async function directTrend(scope: string | null, from: string, to: string) {
  const months: string[] = [];
  for (let m = monthStart(from); m <= to; m = addDays(monthEnd(m), 1)) months.push(m);
  const codes = scope === null ? null : kato().subtreeCodes(scope);
  return Promise.all(
    months.map(async (m) => {
      const window = [codes, kzDayStart(m), kzDayStart(addDays(monthEnd(m), 1))];
      const [filed] = await subgraph.db.query(
        `SELECT count(*)::int AS n FROM complaint WHERE ($1::text[] IS NULL OR territory_code = ANY($1)) AND created_at >= $2 AND created_at < $3`,
        window,
      );
      const [resolved] = await subgraph.db.query(
        `SELECT count(*) FILTER (WHERE status = 'RESOLVED')::int AS by_state, count(*) FILTER (WHERE status = 'RESOLVED_BY_CITIZENS')::int AS by_citizens,
           round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${DAYS_TO_RESOLVE}))::numeric, 2)::float8 AS median
         FROM complaint WHERE ($1::text[] IS NULL OR territory_code = ANY($1)) AND resolved_at >= $2 AND resolved_at < $3`,
        window,
      );
      return { month: m.slice(0, 7), filed: filed.n, resolvedByState: resolved.by_state, resolvedByCitizens: resolved.by_citizens, medianDaysToResolve: resolved.median };
    }),
  );
}

const FIELDS = `from to filed open resolvedByState resolvedByCitizens rejected duplicates overdue resolvedWithinDeadline medianDaysToResolve shareResolvedWithinDeadline`;

async function served(scope: string | null, from: string, to: string) {
  const res = await gql(
    subgraph.url,
    `query($t: ID, $from: String!, $to: String!) {
       complaintIndicators(territory: $t, from: $from, to: $to) { ${FIELDS} }
       complaintTrend(territory: $t, from: $from, to: $to) { month filed resolvedByState resolvedByCitizens medianDaysToResolve }
     }`,
    { t: scope, from, to },
  );
  expect(res.errors).toBeUndefined();
  return res.data!;
}

function randomPeriod(): [string, string] {
  const from = addDays('2024-12-20', Math.floor(random() * 520));
  const length = pick([0, 1, 6, 30, 45, 90, 200, 400]);
  const start = random() < 0.3 ? monthStart(from) : from;
  const end = addDays(start, length);
  return [start, random() < 0.3 ? monthEnd(end) : end];
}

describe('complaint_rollup', () => {
  it('answers as the complaints themselves do after every kind of write', async () => {
    await file(400);
    const kinds = new Set<string>();
    let medians = 0;
    for (let round = 0; round < 40; round += 1) {
      for (let i = 0; i < 5; i += 1) kinds.add(await randomWrite());
      for (let check = 0; check < 3; check += 1) {
        const scope = pick(SCOPES);
        const [from, to] = randomPeriod();
        const answer = await served(scope, from, to);
        const context = `${scope ?? 'republic'} ${from}..${to}, round ${round}`;
        expect({ context, indicators: answer.complaintIndicators }).toEqual({ context, indicators: await directIndicators(scope, from, to) });
        expect({ context, trend: answer.complaintTrend }).toEqual({ context, trend: await directTrend(scope, from, to) });
        if (answer.complaintIndicators.medianDaysToResolve !== null) medians += 1;
      }
    }
    // The comparisons covered every kind of write and real medians, not only empty answers.
    expect(kinds.size).toBe(11);
    expect(medians).toBeGreaterThan(40);
  });

  it('is what a rebuild from the complaints gives, row for row', async () => {
    const rows = async () => subgraph.db.query(`SELECT * FROM complaint_rollup WHERE ${ROLLUP_COUNTS.map((c) => `${c} <> 0`).join(' OR ')} ORDER BY 1, 2, 3, 4, 5`);
    const kept = await rows();
    expect(kept.length).toBeGreaterThan(100);
    await subgraph.db.transaction(async (manager) => {
      // Deleting and re-inserting every complaint rebuilds the rollup through the same triggers.
      await manager.query(`CREATE TABLE complaint_copy AS SELECT * FROM complaint`);
      await manager.query(`DELETE FROM complaint`);
      expect(await manager.query(`SELECT count(*)::int AS n FROM complaint_rollup WHERE ${ROLLUP_COUNTS.map((c) => `${c} <> 0`).join(' OR ')}`)).toEqual([{ n: 0 }]);
      await manager.query(`INSERT INTO complaint SELECT * FROM complaint_copy`);
      await manager.query(`DROP TABLE complaint_copy`);
    });
    expect(await rows()).toEqual(kept);
  });
});

const ROLLUP_COUNTS = ['filed', 'open', 'resolved_by_state', 'resolved_by_citizens', 'rejected', 'duplicates', 'resolved', 'within_deadline'];
