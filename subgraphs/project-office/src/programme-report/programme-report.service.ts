import { badUserInput, daysBetween, isCalendarDay, KAZAKHSTAN_UTC_OFFSET, kato, type TerritoryNode } from '@rz/schema';
import type { ProjectOfficeContext } from '../context';
import { schoolYearOf } from '../district-report/report-period';
import { GraphReader } from '../graph/graph-reader';
import {
  FACE_STATUSES,
  INITIATIVE_STATUSES,
  MORE_INITIATIVES_QUERY,
  MORE_MEDIA_PLANS_QUERY,
  PROGRAMME_FIGURES_QUERY,
  type Page,
  type ProgrammeFiguresAnswer,
} from './programme-figures.query';
import type { ProgrammeFigures, ProgrammeReport } from './programme-report.type';

const DAY_MS = 86_400_000;
const MAX_DAYS = 731;
/** Child territories asked at once: a region has up to ~20 districts. */
const CONCURRENCY = 4;

type Period = { from: string; to: string };
const shiftDay = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The previous period of equal length, ending the day before `period` starts. */
export function previousPeriod(period: Period): Period {
  const length = daysBetween(period.from, period.to) + 1;
  return { from: shiftDay(period.from, -length), to: shiftDay(period.from, -1) };
}

/** First and last day of a media plan's year or quarter. */
function planBounds(year: number, quarter: number | null): Period {
  if (quarter === null) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const first = (quarter - 1) * 3 + 1;
  const last = new Date(Date.UTC(year, first + 2, 0)).toISOString().slice(0, 10);
  return { from: `${year}-${String(first).padStart(2, '0')}-01`, to: last };
}

export class ProgrammeReportService {
  constructor(private readonly ctx: ProjectOfficeContext) {}

  async report(code: string, from: string, to: string): Promise<ProgrammeReport> {
    const territory = kato().require(code, 'territory');
    if (!isCalendarDay(from)) throw badUserInput('from', 'from must be a calendar date YYYY-MM-DD');
    if (!isCalendarDay(to)) throw badUserInput('to', 'to must be a calendar date YYYY-MM-DD');
    if (to < from) throw badUserInput('to', 'The period cannot end before it starts');
    if (daysBetween(from, to) + 1 > MAX_DAYS) throw badUserInput('to', `A report covers at most ${MAX_DAYS} days`);
    const period = { from, to };
    const children = kato().children(territory.code);
    const [current, previous] = await Promise.all([this.figures(territory, period), this.figures(territory, previousPeriod(period))]);
    const childFigures: ProgrammeFigures[] = [];
    for (let i = 0; i < children.length; i += CONCURRENCY) {
      childFigures.push(...(await Promise.all(children.slice(i, i + CONCURRENCY).map((child) => this.figures(child, period)))));
    }
    return { current, previous, children: childFigures };
  }

  /** One territory and period: one request through the gateway, then the sums no subgraph gives. */
  async figures(territory: TerritoryNode, period: Period): Promise<ProgrammeFigures> {
    const schoolYear = schoolYearOf(period.to);
    const fromTs = `${period.from}T00:00:00${KAZAKHSTAN_UTC_OFFSET}`;
    const toTs = `${period.to}T23:59:59.999${KAZAKHSTAN_UTC_OFFSET}`;
    const reader = new GraphReader(this.ctx.config);
    const data = await reader.read<ProgrammeFiguresAnswer>(PROGRAMME_FIGURES_QUERY, {
      code: territory.code,
      ...period,
      fromTs,
      toTs,
      schoolYear,
    });
    const t = data.territory;
    // Every row of the two lists summed here, page after page.
    const rest = async <T>(first: Page<T>, query: string, list: (answer: any) => Page<T>): Promise<T[]> => {
      const rows = [...first.nodes];
      for (let page = first; page.pageInfo.hasNextPage; ) {
        page = list(await reader.read(query, { code: territory.code, after: page.pageInfo.endCursor }));
        rows.push(...page.nodes);
      }
      return rows;
    };
    const [allInitiatives, allPlans] = await Promise.all([
      rest(t.initiatives, MORE_INITIATIVES_QUERY, (a) => a.territory.initiatives),
      rest(t.mediaPlans, MORE_MEDIA_PLANS_QUERY, (a) => a.territory.mediaPlans),
    ]);
    const inPeriod = (at: string | null) => !!at && Date.parse(at) >= Date.parse(fromTs) && Date.parse(at) <= Date.parse(toTs);
    // Initiatives proposed by the period's end, each with its status now.
    const initiatives = allInitiatives.filter((i) => Date.parse(i.createdAt) <= Date.parse(toTs));
    const implemented = initiatives.filter((i) => i.status === 'IMPLEMENTED' && inPeriod(i.implementedAt));
    const plans = allPlans.filter((p) => {
      const bounds = planBounds(p.year, p.quarter);
      return bounds.from <= period.to && bounds.to >= period.from;
    });
    const sum = <T>(rows: T[], f: (row: T) => number) => rows.reduce((total, row) => total + f(row), 0);
    const itemsPlanned = sum(plans, (p) => p.execution.itemsPlanned);
    const published = sum(plans, (p) => p.execution.publishedOnTime + p.execution.publishedLate);
    const c = t.complaintIndicators;
    return {
      territory,
      ...period,
      tarbieBilim: {
        schoolYear,
        clubs: t.clubs.totalCount,
        clubMembers: t.tarbieBilimIndicators.clubMembers,
        events: t.events.totalCount,
        eventsHeld: t.eventsHeld.totalCount,
        participants: t.tarbieBilimIndicators.participants,
      },
      atameken: {
        initiatives: initiatives.length,
        initiativesByStatus: INITIATIVE_STATUSES.map((status) => ({ status, count: initiatives.filter((i) => i.status === status).length })),
        implementedInPeriod: implemented.length,
        pledged: sum(initiatives, (i) => i.pledged),
        spent: sum(implemented, (i) => i.budgetAmount + i.pledged),
        complaintsFiled: c.filed,
        complaintsOpen: c.open,
        complaintsResolved: c.resolvedByState + c.resolvedByCitizens,
        complaintsOverdue: c.overdue,
        shareResolvedWithinDeadline: c.shareResolvedWithinDeadline,
      },
      rukhaniQazyna: {
        monuments: t.qrCoverage.monuments,
        monumentsWithInstalledQr: t.qrCoverage.monumentsWithInstalledQr,
        qrCoverage: t.qrCoverage.share,
        scans: data.qrScanIndicators.scans,
        routes: t.routes.totalCount,
      },
      aqparatTolqyny: {
        plans: plans.length,
        itemsPlanned,
        published,
        publishedOnTime: sum(plans, (p) => p.execution.publishedOnTime),
        cancelled: sum(plans, (p) => p.execution.cancelled),
        execution: itemsPlanned ? Math.round((published / itemsPlanned) * 10_000) / 10_000 : null,
        reach: sum(plans, (p) => p.execution.reach),
        facesByStatus: FACE_STATUSES.map((status) => ({ status, count: t[`face_${status}`].totalCount })),
      },
    };
  }
}
