import { badUserInput, daysBetween, kato } from '@rz/schema';
import { groupBy } from '@rz/subgraph-runtime';
import { addDays, kzDaySql, kzDayStart, monthEnd, monthStart } from '../../shared/kz-time';
import type { ComplaintPeriodArgs } from './complaint-indicators.input';
import type { ComplaintIndicators, ComplaintTrendMonth } from './complaint-indicators.type';
import type { AtamekenContext } from '../../context';

const MAX_PERIOD_DAYS = 3 * 366;
const MAX_TREND_MONTHS = 60;
const DAYS_TO_RESOLVE = `extract(epoch FROM resolved_at - created_at) / 86400`;
/** complaint_rollup's histogram columns h1..h24 (migration 20261204200000-complaint-daily-rollup). */
const BUCKETS = Array.from({ length: 24 }, (_, i) => `h${i + 1}`);
const SUM_BUCKETS = BUCKETS.map((h) => `sum(${h})::int AS ${h}`).join(', ');
/** complaint_rollup's scope of the whole republic. */
const REPUBLIC = 'KZ';

function checkPeriod({ from, to }: ComplaintPeriodArgs): void {
  if (to < from) throw badUserInput('to', 'The period ends before it starts');
  if (daysBetween(from, to) > MAX_PERIOD_DAYS) throw badUserInput('to', 'The period may span at most three years');
}

/** A known territory code, or null for the whole republic. */
function scopeOf(territoryCode: string | null, field: string): string | null {
  return territoryCode === null ? null : kato().require(territoryCode, field).code;
}

/**
 * The complaint codes within a scope: the same code with the trailing zeros KatoClassifier.findParent
 * strips (2, 4 or 6 significant digits, or all 9), so one range of the 9-digit codes.
 */
function codeRange(scope: string | null): [string, string] {
  if (scope === null) return ['000000000', '999999999'];
  const significant = scope.endsWith('0000000') ? 2 : scope.endsWith('00000') ? 4 : scope.endsWith('000') ? 6 : 9;
  const prefix = scope.slice(0, significant);
  return [prefix.padEnd(9, '0'), prefix.padEnd(9, '9')];
}

/** Summed rollup counts of one scope, with the histogram of days to resolve. */
type Counts = Record<string, number>;

/** Where the median lies: one scope's resolved complaints of a window, their histogram. */
interface MedianTarget {
  scope: string | null;
  since: Date;
  until: Date;
  counts: Counts;
}

/**
 * The exact median (percentile_cont(0.5), as the indicators define it) of each target: the histogram
 * names the bucket(s) holding the middle one or two complaints and how many lie below, and one
 * statement reads just those buckets' complaints of the scope (complaint_resolve_bucket_idx) and
 * interpolates as percentile_cont does, in float8. `column` is the time the window applies to.
 */
async function mediansOf(ctx: AtamekenContext, targets: MedianTarget[], column: 'created_at' | 'resolved_at'): Promise<(number | null)[]> {
  const picks = targets.flatMap((target, i) => {
    const n = target.counts.resolved;
    if (!n) return [];
    const lower = Math.floor((n - 1) / 2);
    const upper = Math.ceil((n - 1) / 2);
    const bucketOf = (k: number) => {
      let below = 0;
      for (let b = 0; b < BUCKETS.length; b += 1) {
        const inBucket = target.counts[BUCKETS[b]];
        if (k < below + inBucket) return { bucket: b + 1, below };
        below += inBucket;
      }
      throw new Error(`complaint_rollup: ${n} resolved but the histogram holds fewer`);
    };
    const first = bucketOf(lower);
    const [lo, hi] = codeRange(target.scope);
    return [{ i, lo, hi, b1: first.bucket, b2: bucketOf(upper).bucket, skip: lower - first.below, two: upper > lower, since: target.since, until: target.until }];
  });
  const medians: (number | null)[] = targets.map(() => null);
  if (!picks.length) return medians;
  const rows: { i: number; median_days: number }[] = await ctx.db.query(
    `SELECT t.i, round((CASE WHEN t.two THEN v.lo + 0.5::float8 * (v.hi - v.lo) ELSE v.lo END)::numeric, 2)::float8 AS median_days
     FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::bool[], $8::timestamptz[], $9::timestamptz[])
       AS t(i, lo_code, hi_code, b1, b2, skip, two, since, until)
     CROSS JOIN LATERAL (
       -- Sorted by the interval (same order, cheaper than the numeric days), which only the picked get.
       SELECT min((${DAYS_TO_RESOLVE})::float8) AS lo, max((${DAYS_TO_RESOLVE})::float8) AS hi FROM (
         SELECT created_at, resolved_at FROM complaint
         WHERE resolved_at IS NOT NULL AND complaint_resolve_bucket(created_at, resolved_at) = ANY(ARRAY[t.b1, t.b2])
           AND territory_code BETWEEN t.lo_code AND t.hi_code AND ${column} >= t.since AND ${column} < t.until
         ORDER BY resolved_at - created_at OFFSET t.skip LIMIT CASE WHEN t.two THEN 2 ELSE 1 END
       ) AS picked
     ) AS v`,
    [
      picks.map((p) => p.i),
      picks.map((p) => p.lo),
      picks.map((p) => p.hi),
      picks.map((p) => p.b1),
      picks.map((p) => p.b2),
      picks.map((p) => p.skip),
      picks.map((p) => p.two),
      picks.map((p) => p.since),
      picks.map((p) => p.until),
    ],
  );
  for (const row of rows) medians[row.i] = row.median_days;
  return medians;
}

/**
 * Indicators are defined over the complaints of the territory's subtree (or the republic); they are read
 * from complaint_rollup, which triggers keep in step with every complaint write (docs/benchmarks.md).
 */
export class ComplaintIndicatorsService {
  constructor(private readonly ctx: AtamekenContext) {}

  async indicators(territoryCode: string | null, period: ComplaintPeriodArgs, field = 'territory'): Promise<ComplaintIndicators> {
    const [indicators] = await this.indicatorsOf([scopeOf(territoryCode, field)], period);
    return indicators;
  }

  /** indicators() of each territory (or null: the republic), in two statements. */
  async indicatorsOf(scopes: (string | null)[], period: ComplaintPeriodArgs): Promise<ComplaintIndicators[]> {
    checkPeriod(period);
    // Whole months from the monthly rows, the days before and after them from the daily rows.
    const fullFrom = period.from === monthStart(period.from) ? period.from : addDays(monthEnd(period.from), 1);
    const fullUntil = period.to === monthEnd(period.to) ? addDays(period.to, 1) : monthStart(period.to);
    const [monthsFrom, monthsUntil] = fullFrom < fullUntil ? [fullFrom, fullUntil] : [period.from, period.from];
    const within = `scope = ANY($1) AND basis = 'F'
      AND ((grain = 'M' AND day >= $2 AND day < $3) OR (grain = 'D' AND day >= $4 AND day <= $5 AND (day < $2 OR day >= $3)))`;
    // Rows with a due day hold open complaints only (unresolved, complaint_resolved_at_check): they need
    // three sums, not all of them, and are most of the rows (one per due day).
    const rows: Counts[] = await this.ctx.db.query(
      `WITH closed AS (
         SELECT scope, sum(filed) AS filed, sum(open) AS open, sum(resolved_by_state)::int AS resolved_by_state,
           sum(resolved_by_citizens)::int AS resolved_by_citizens, sum(rejected)::int AS rejected, sum(duplicates)::int AS duplicates,
           sum(resolved)::int AS resolved, sum(within_deadline)::int AS within_deadline, ${SUM_BUCKETS}
         FROM complaint_rollup WHERE ${within} AND open_due = 'infinity'
         GROUP BY scope
       ),
       due AS (
         SELECT scope, sum(filed) AS filed, sum(open) AS open, coalesce(sum(open) FILTER (WHERE open_due < ${kzDaySql('now()')}), 0) AS overdue
         FROM complaint_rollup WHERE ${within} AND open_due <> 'infinity'
         GROUP BY scope
       )
       SELECT scope, (coalesce(closed.filed, 0) + coalesce(due.filed, 0))::int AS filed, (coalesce(closed.open, 0) + coalesce(due.open, 0))::int AS open,
         coalesce(resolved_by_state, 0) AS resolved_by_state, coalesce(resolved_by_citizens, 0) AS resolved_by_citizens,
         coalesce(rejected, 0) AS rejected, coalesce(duplicates, 0) AS duplicates, coalesce(due.overdue, 0)::int AS overdue,
         coalesce(resolved, 0) AS resolved, coalesce(within_deadline, 0) AS within_deadline,
         round(within_deadline::numeric / nullif(resolved, 0), 4)::float8 AS share_within_deadline,
         ${BUCKETS.map((h) => `coalesce(${h}, 0) AS ${h}`).join(', ')}
       FROM closed FULL JOIN due USING (scope)`,
      [scopes.map((s) => s ?? REPUBLIC), monthsFrom, monthsUntil, period.from, period.to],
    );
    const byScope = new Map(rows.map((row) => [row.scope as unknown as string, row]));
    const counts = scopes.map((scope) => byScope.get(scope ?? REPUBLIC));
    const since = kzDayStart(period.from);
    const until = kzDayStart(addDays(period.to, 1));
    const medians = await mediansOf(
      this.ctx,
      scopes.flatMap((scope, i) => (counts[i] ? [{ scope, since, until, counts: counts[i]! }] : [])),
      'created_at',
    );
    let next = 0;
    return counts.map((row) => (row ? indicatorsFrom(period, { ...row, median_days: medians[next++] }) : indicatorsFrom(period, EMPTY)));
  }

  /** Every calendar month touching the period, including months with nothing in them. */
  async trend(territoryCode: string | null, period: ComplaintPeriodArgs, field = 'territory'): Promise<ComplaintTrendMonth[]> {
    const [trend] = await this.trendOf([scopeOf(territoryCode, field)], period);
    return trend;
  }

  /** trend() of each territory (or null: the republic), in two statements. */
  async trendOf(scopes: (string | null)[], period: ComplaintPeriodArgs): Promise<ComplaintTrendMonth[][]> {
    checkPeriod(period);
    const first = monthStart(period.from);
    const last = monthEnd(period.to);
    if (daysBetween(first, last) > MAX_TREND_MONTHS * 31) throw badUserInput('to', `The trend spans at most ${MAX_TREND_MONTHS} months`);
    type Row = Counts & { scope: string; month: string; day: string; filed: number };
    const rows: Row[] = await this.ctx.db.query(
      `WITH months AS (
         SELECT m::date AS m FROM generate_series($2::date, $3::date, interval '1 month') AS m
       ),
       summed AS (
         SELECT scope, basis, day, sum(filed)::int AS filed, sum(resolved_by_state)::int AS resolved_by_state,
           sum(resolved_by_citizens)::int AS resolved_by_citizens, sum(resolved)::int AS resolved, ${SUM_BUCKETS}
         FROM complaint_rollup
         WHERE scope = ANY($1) AND grain = 'M' AND day >= $2 AND day <= $3
         GROUP BY scope, basis, day
       )
       SELECT scope.code AS scope, to_char(months.m, 'YYYY-MM') AS month, to_char(months.m, 'YYYY-MM-DD') AS day,
         coalesce(f.filed, 0) AS filed,
         coalesce(r.resolved_by_state, 0) AS resolved_by_state,
         coalesce(r.resolved_by_citizens, 0) AS resolved_by_citizens,
         coalesce(r.resolved, 0) AS resolved, ${BUCKETS.map((h) => `coalesce(r.${h}, 0) AS ${h}`).join(', ')}
       FROM unnest($1::text[]) AS scope(code) CROSS JOIN months
         LEFT JOIN summed AS f ON f.scope = scope.code AND f.basis = 'F' AND f.day = months.m
         LEFT JOIN summed AS r ON r.scope = scope.code AND r.basis = 'R' AND r.day = months.m
       ORDER BY months.m`,
      [scopes.map((s) => s ?? REPUBLIC), first, monthStart(last)],
    );
    const medians = await mediansOf(
      this.ctx,
      rows.map((row) => ({
        scope: row.scope === REPUBLIC ? null : row.scope,
        since: kzDayStart(row.day),
        until: kzDayStart(addDays(monthEnd(row.day), 1)),
        counts: row,
      })),
      'resolved_at',
    );
    const byScope = groupBy(
      rows.map((r, i) => ({ scope: r.scope, month: { month: r.month, filed: r.filed, resolvedByState: r.resolved_by_state, resolvedByCitizens: r.resolved_by_citizens, medianDaysToResolve: medians[i] } })),
      (r) => r.scope,
    );
    return scopes.map((scope) => (byScope.get(scope ?? REPUBLIC) ?? []).map((r) => r.month));
  }
}

/** What indicators() counts over no complaints. */
const EMPTY = {
  filed: 0,
  open: 0,
  resolved_by_state: 0,
  resolved_by_citizens: 0,
  rejected: 0,
  duplicates: 0,
  overdue: 0,
  within_deadline: 0,
  median_days: null,
  share_within_deadline: null,
};

function indicatorsFrom(period: ComplaintPeriodArgs, row: Record<string, any>): ComplaintIndicators {
  return {
    from: period.from,
    to: period.to,
    filed: row.filed,
    open: row.open,
    resolvedByState: row.resolved_by_state,
    resolvedByCitizens: row.resolved_by_citizens,
    rejected: row.rejected,
    duplicates: row.duplicates,
    overdue: row.overdue,
    resolvedWithinDeadline: row.within_deadline,
    medianDaysToResolve: row.median_days,
    shareResolvedWithinDeadline: row.share_within_deadline,
  };
}
