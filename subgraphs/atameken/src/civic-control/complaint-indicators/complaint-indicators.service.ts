import { badUserInput, daysBetween, kato } from '@rz/schema';
import { groupBy, subtreePairs } from '@rz/subgraph-runtime';
import { addDays, kzDaySql, kzDayStart, monthEnd, monthStart } from '../../shared/kz-time';
import { OPEN_COMPLAINT_STATUSES } from '../complaint/complaint.lifecycle';
import type { ComplaintPeriodArgs } from './complaint-indicators.input';
import type { ComplaintIndicators, ComplaintTrendMonth } from './complaint-indicators.type';
import type { AtamekenContext } from '../../context';

const MAX_PERIOD_DAYS = 3 * 366;
const MAX_TREND_MONTHS = 60;
const DAYS_TO_RESOLVE = `extract(epoch FROM resolved_at - created_at) / 86400`;

function checkPeriod({ from, to }: ComplaintPeriodArgs): void {
  if (to < from) throw badUserInput('to', 'The period ends before it starts');
  if (daysBetween(from, to) > MAX_PERIOD_DAYS) throw badUserInput('to', 'The period may span at most three years');
}

/** A known territory code, or null for the whole republic. */
function scopeOf(territoryCode: string | null, field: string): string | null {
  return territoryCode === null ? null : kato().require(territoryCode, field).code;
}

/**
 * Complaints tagged with the scope they count for (`tm.root`): each territory's subtree, or every
 * complaint for the republic (a root of null); the subtrees are parameters $first and $first + 1.
 */
function scoped(scopes: (string | null)[], first: number): { from: string; params: unknown[] } {
  if (scopes.length === 1 && scopes[0] === null) return { from: 'complaint CROSS JOIN (SELECT NULL::text AS root) AS tm', params: [] };
  const { roots, members } = subtreePairs(scopes as string[]);
  return { from: `complaint JOIN unnest($${first}::text[], $${first + 1}::text[]) AS tm(root, code) ON tm.code = complaint.territory_code`, params: [roots, members] };
}

/** Indicators are computed by PostgreSQL over the territory's subtree (or the republic); each is defined in the schema. */
export class ComplaintIndicatorsService {
  constructor(private readonly ctx: AtamekenContext) {}

  async indicators(territoryCode: string | null, period: ComplaintPeriodArgs, field = 'territory'): Promise<ComplaintIndicators> {
    const [indicators] = await this.indicatorsOf([scopeOf(territoryCode, field)], period);
    return indicators;
  }

  /** indicators() of each territory (or null: the republic), in one statement. */
  async indicatorsOf(scopes: (string | null)[], period: ComplaintPeriodArgs): Promise<ComplaintIndicators[]> {
    checkPeriod(period);
    const { from, params } = scoped(scopes, 4);
    const rows: Record<string, any>[] = await this.ctx.db.query(
      `SELECT tm.root,
         count(*)::int AS filed,
         count(*) FILTER (WHERE status = ANY($3))::int AS open,
         count(*) FILTER (WHERE status = 'RESOLVED')::int AS resolved_by_state,
         count(*) FILTER (WHERE status = 'RESOLVED_BY_CITIZENS')::int AS resolved_by_citizens,
         count(*) FILTER (WHERE status = 'REJECTED')::int AS rejected,
         count(*) FILTER (WHERE status = 'DUPLICATE')::int AS duplicates,
         count(*) FILTER (WHERE status = ANY($3) AND due_on < ${kzDaySql('now()')})::int AS overdue,
         count(*) FILTER (WHERE resolved_at IS NOT NULL AND ${kzDaySql('resolved_at')} <= due_on)::int AS within_deadline,
         round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${DAYS_TO_RESOLVE}))::numeric, 2)::float8 AS median_days,
         round(
           (count(*) FILTER (WHERE resolved_at IS NOT NULL AND ${kzDaySql('resolved_at')} <= due_on))::numeric
             / nullif(count(*) FILTER (WHERE resolved_at IS NOT NULL), 0),
           4
         )::float8 AS share_within_deadline
       FROM ${from}
       WHERE created_at >= $1 AND created_at < $2
       GROUP BY tm.root`,
      [kzDayStart(period.from), kzDayStart(addDays(period.to, 1)), OPEN_COMPLAINT_STATUSES, ...params],
    );
    const byScope = new Map(rows.map((row) => [row.root as string | null, row]));
    return scopes.map((scope) => indicatorsFrom(period, byScope.get(scope) ?? EMPTY));
  }

  /** Every calendar month touching the period, including months with nothing in them. */
  async trend(territoryCode: string | null, period: ComplaintPeriodArgs, field = 'territory'): Promise<ComplaintTrendMonth[]> {
    const [trend] = await this.trendOf([scopeOf(territoryCode, field)], period);
    return trend;
  }

  /** trend() of each territory (or null: the republic), in one statement. */
  async trendOf(scopes: (string | null)[], period: ComplaintPeriodArgs): Promise<ComplaintTrendMonth[][]> {
    checkPeriod(period);
    const first = monthStart(period.from);
    const last = monthEnd(period.to);
    if (daysBetween(first, last) > MAX_TREND_MONTHS * 31) throw badUserInput('to', `The trend spans at most ${MAX_TREND_MONTHS} months`);
    const start = kzDayStart(first);
    const end = kzDayStart(addDays(last, 1));
    const { from, params } = scoped(scopes, 6);
    type Row = { root: string | null; month: string; filed: number; resolved_by_state: number; resolved_by_citizens: number; median_days: number | null };
    const rows: Row[] =
      await this.ctx.db.query(
        `WITH months AS (
           SELECT m::date AS m FROM generate_series($2::date, $3::date, interval '1 month') AS m
         ),
         filed AS (
           SELECT tm.root, date_trunc('month', ${kzDaySql('created_at')})::date AS m, count(*)::int AS n
           FROM ${from} WHERE created_at >= $4 AND created_at < $5
           GROUP BY 1, 2
         ),
         resolved AS (
           SELECT tm.root, date_trunc('month', ${kzDaySql('resolved_at')})::date AS m,
             count(*) FILTER (WHERE status = 'RESOLVED')::int AS by_state,
             count(*) FILTER (WHERE status = 'RESOLVED_BY_CITIZENS')::int AS by_citizens,
             round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${DAYS_TO_RESOLVE}))::numeric, 2)::float8 AS median_days
           FROM ${from} WHERE resolved_at >= $4 AND resolved_at < $5
           GROUP BY 1, 2
         )
         SELECT scope.root, to_char(months.m, 'YYYY-MM') AS month,
           coalesce(filed.n, 0) AS filed,
           coalesce(resolved.by_state, 0) AS resolved_by_state,
           coalesce(resolved.by_citizens, 0) AS resolved_by_citizens,
           resolved.median_days
         FROM unnest($1::text[]) AS scope(root) CROSS JOIN months
           LEFT JOIN filed ON filed.root IS NOT DISTINCT FROM scope.root AND filed.m = months.m
           LEFT JOIN resolved ON resolved.root IS NOT DISTINCT FROM scope.root AND resolved.m = months.m
         ORDER BY months.m`,
        [scopes, first, monthStart(last), start, end, ...params],
      );
    const byScope = groupBy(rows, (r) => String(r.root));
    return scopes.map((scope) =>
      (byScope.get(String(scope)) ?? []).map((r) => ({
        month: r.month,
        filed: r.filed,
        resolvedByState: r.resolved_by_state,
        resolvedByCitizens: r.resolved_by_citizens,
        medianDaysToResolve: r.median_days,
      })),
    );
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
