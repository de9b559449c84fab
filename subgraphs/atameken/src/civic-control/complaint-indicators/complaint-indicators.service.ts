import { badUserInput, daysBetween, kato } from '@rz/schema';
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

/** The territory's subtree; null for the whole republic (no territory filter). */
function territoryCodes(territoryCode: string | null, field: string): string[] | null {
  return territoryCode === null ? null : kato().subtreeCodes(territoryCode, field);
}

/** Indicators are computed by PostgreSQL over the territory's subtree (or the republic); each is defined in the schema. */
export class ComplaintIndicatorsService {
  constructor(private readonly ctx: AtamekenContext) {}

  async indicators(territoryCode: string | null, period: ComplaintPeriodArgs, field = 'territory'): Promise<ComplaintIndicators> {
    const codes = territoryCodes(territoryCode, field);
    checkPeriod(period);
    const [row] = await this.ctx.db.query(
      `SELECT
         count(*)::int AS filed,
         count(*) FILTER (WHERE status = ANY($4))::int AS open,
         count(*) FILTER (WHERE status = 'RESOLVED')::int AS resolved_by_state,
         count(*) FILTER (WHERE status = 'RESOLVED_BY_CITIZENS')::int AS resolved_by_citizens,
         count(*) FILTER (WHERE status = 'REJECTED')::int AS rejected,
         count(*) FILTER (WHERE status = 'DUPLICATE')::int AS duplicates,
         count(*) FILTER (WHERE status = ANY($4) AND due_on < ${kzDaySql('now()')})::int AS overdue,
         count(*) FILTER (WHERE resolved_at IS NOT NULL AND ${kzDaySql('resolved_at')} <= due_on)::int AS within_deadline,
         round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${DAYS_TO_RESOLVE}))::numeric, 2)::float8 AS median_days,
         round(
           (count(*) FILTER (WHERE resolved_at IS NOT NULL AND ${kzDaySql('resolved_at')} <= due_on))::numeric
             / nullif(count(*) FILTER (WHERE resolved_at IS NOT NULL), 0),
           4
         )::float8 AS share_within_deadline
       FROM complaint
       WHERE ($1::text[] IS NULL OR territory_code = ANY($1)) AND created_at >= $2 AND created_at < $3`,
      [codes, kzDayStart(period.from), kzDayStart(addDays(period.to, 1)), OPEN_COMPLAINT_STATUSES],
    );
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

  /** Every calendar month touching the period, including months with nothing in them. */
  async trend(territoryCode: string | null, period: ComplaintPeriodArgs, field = 'territory'): Promise<ComplaintTrendMonth[]> {
    const codes = territoryCodes(territoryCode, field);
    checkPeriod(period);
    const first = monthStart(period.from);
    const last = monthEnd(period.to);
    if (daysBetween(first, last) > MAX_TREND_MONTHS * 31) throw badUserInput('to', `The trend spans at most ${MAX_TREND_MONTHS} months`);
    const start = kzDayStart(first);
    const end = kzDayStart(addDays(last, 1));
    const rows: { month: string; filed: number; resolved_by_state: number; resolved_by_citizens: number; median_days: number | null }[] =
      await this.ctx.db.query(
        `WITH months AS (
           SELECT m::date AS m FROM generate_series($2::date, $3::date, interval '1 month') AS m
         ),
         filed AS (
           SELECT date_trunc('month', ${kzDaySql('created_at')})::date AS m, count(*)::int AS n
           FROM complaint WHERE ($1::text[] IS NULL OR territory_code = ANY($1)) AND created_at >= $4 AND created_at < $5
           GROUP BY 1
         ),
         resolved AS (
           SELECT date_trunc('month', ${kzDaySql('resolved_at')})::date AS m,
             count(*) FILTER (WHERE status = 'RESOLVED')::int AS by_state,
             count(*) FILTER (WHERE status = 'RESOLVED_BY_CITIZENS')::int AS by_citizens,
             round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${DAYS_TO_RESOLVE}))::numeric, 2)::float8 AS median_days
           FROM complaint WHERE ($1::text[] IS NULL OR territory_code = ANY($1)) AND resolved_at >= $4 AND resolved_at < $5
           GROUP BY 1
         )
         SELECT to_char(months.m, 'YYYY-MM') AS month,
           coalesce(filed.n, 0) AS filed,
           coalesce(resolved.by_state, 0) AS resolved_by_state,
           coalesce(resolved.by_citizens, 0) AS resolved_by_citizens,
           resolved.median_days
         FROM months LEFT JOIN filed USING (m) LEFT JOIN resolved USING (m)
         ORDER BY months.m`,
        [codes, first, monthStart(last), start, end],
      );
    return rows.map((r) => ({
      month: r.month,
      filed: r.filed,
      resolvedByState: r.resolved_by_state,
      resolvedByCitizens: r.resolved_by_citizens,
      medianDaysToResolve: r.median_days,
    }));
  }
}
