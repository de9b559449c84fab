import { badUserInput, conflict, type ConnectionShape, forbidden, invalidTransition, kato, notFound, TerritoryLevel, type TerritoryNode, todayInKazakhstan } from '@rz/schema';
import { enqueueNotification, newId, paginate, requireViewer, type PageRequest } from '@rz/subgraph-runtime';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { districtReportCodes, readsDistrictReport, reviewsDistrictReport, writesDistrictReport } from '../access/project-office-access';
import type { ProjectOfficeContext } from '../context';
import { DistrictReportEntity } from './district-report.entity';
import { DistrictReportStatus } from './district-report.enums';
import type { CreateDistrictReportInput, DistrictReportFilter, DistrictReportNarrativeInput } from './district-report.input';
import { districtReportByIdLoader } from './district-report.loader';
import { daysOverdue, isReportingFriday, periodEndsBetween, periodOf } from './report-period';
import { readTerritorySnapshot } from './territory-snapshot';

/** The district still holds the report: it may edit and (re)submit it. */
const EDITABLE: readonly DistrictReportStatus[] = [DistrictReportStatus.DRAFT, DistrictReportStatus.RETURNED];
const DONE: readonly DistrictReportStatus[] = [DistrictReportStatus.SUBMITTED, DistrictReportStatus.ACCEPTED];
const MAX_REMARKS = 4000;
/** How far back lateDistricts looks when no period is named. */
const LATE_LOOKBACK_DAYS = 62;

export interface LateDistrict {
  territory: TerritoryNode;
  periodEnd: string;
  dueOn: string;
  daysOverdue: number;
  report: DistrictReportEntity | null;
}

export class DistrictReportService {
  constructor(private readonly ctx: ProjectOfficeContext) {}

  private get repository() {
    return this.ctx.db.getRepository(DistrictReportEntity);
  }

  /** The report if the viewer writes or reviews it; null otherwise (reports are internal to the akimat and the project office). */
  async visibleById(id: string): Promise<DistrictReportEntity | null> {
    const report = await this.ctx.loaders.get(districtReportByIdLoader).load(id);
    return report && readsDistrictReport(this.ctx.viewer, report.territoryCode) ? report : null;
  }

  async list(filter: DistrictReportFilter | null = {}, page: PageRequest): Promise<ConnectionShape<DistrictReportEntity>> {
    filter ??= {};
    const query = this.repository.createQueryBuilder('r');
    const codes = districtReportCodes(this.ctx.viewer);
    if (codes) query.andWhere('r.territoryCode = ANY(:codes)', { codes });
    if (filter.territory) query.andWhere('r.territoryCode = ANY(:subtree)', { subtree: kato().subtreeCodes(filter.territory, 'filter.territory') });
    if (filter.periodEnd) query.andWhere('r.periodEnd = :periodEnd', { periodEnd: filter.periodEnd });
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    return paginate(query, page);
  }

  /** Due on the period's last day (Kazakhstan calendar); late while the district still holds it after that. */
  isOverdue(report: DistrictReportEntity, today = todayInKazakhstan()): boolean {
    return EDITABLE.includes(report.status) && today > report.periodEnd;
  }

  async create(input: CreateDistrictReportInput): Promise<DistrictReportEntity> {
    const territory = kato().require(input.territory, 'input.territory');
    const viewer = requireViewer(this.ctx.viewer);
    if (!writesDistrictReport(viewer, territory.code)) {
      throw forbidden('Only akimat officers whose scope covers the district write its report', { territoryCode: territory.code });
    }
    kato().requireAtLevel(territory.code, [TerritoryLevel.DISTRICT], 'input.territory', 'Reports are written by a district or a city of regional significance');
    if (!isReportingFriday(input.periodEnd)) throw badUserInput('input.periodEnd', 'A reporting period ends on the second or fourth Friday of a month');
    const period = periodOf(input.periodEnd);
    const id = newId();
    try {
      await this.repository.insert({
        id,
        territoryCode: territory.code,
        regionCode: kato().region(territory.code).code,
        periodStart: period.from,
        periodEnd: period.to,
        status: DistrictReportStatus.DRAFT,
        ...narrative(input),
        createdBy: viewer.subject,
      });
    } catch (error) {
      const driver = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
      if (driver?.code === '23505' && driver.constraint === 'district_report_period_uq') {
        throw conflict(`Territory ${territory.code} already has a report for the period ending ${input.periodEnd}`, { field: 'input.periodEnd' });
      }
      throw error;
    }
    return this.fresh(id);
  }

  async update(id: string, input: DistrictReportNarrativeInput): Promise<DistrictReportEntity> {
    const report = await this.requireWritable(id);
    if (!EDITABLE.includes(report.status)) throw invalidTransition('DistrictReport', report.status, report.status);
    await this.guardedUpdate(this.ctx.db.manager, report, EDITABLE, report.status, narrative(input));
    return this.fresh(id);
  }

  /** Freezes the territory's figures for the period, read through the gateway now, and hands the report in. */
  async submit(id: string): Promise<DistrictReportEntity> {
    const report = await this.requireWritable(id);
    if (!EDITABLE.includes(report.status)) throw invalidTransition('DistrictReport', report.status, DistrictReportStatus.SUBMITTED);
    if (!report.results?.trim()) throw badUserInput('results', 'Say what changed in the period (results, not meetings) before submitting');
    const snapshot = await readTerritorySnapshot(this.ctx.config, report.territoryCode, { from: report.periodStart, to: report.periodEnd });
    await this.guardedUpdate(this.ctx.db.manager, report, EDITABLE, DistrictReportStatus.SUBMITTED, {
      snapshot,
      snapshotAt: () => 'now()',
      submittedAt: () => 'now()',
      submittedBy: requireViewer(this.ctx.viewer).subject,
    });
    return this.fresh(id);
  }

  /** The regional project office accepts a submitted report or returns it with remarks. */
  async review(id: string, accept: boolean, remarks: string | null | undefined): Promise<DistrictReportEntity> {
    const report = await this.ctx.loaders.get(districtReportByIdLoader).load(id);
    if (!report) throw notFound('DistrictReport', id, 'id');
    const viewer = requireViewer(this.ctx.viewer);
    if (!reviewsDistrictReport(viewer, report.territoryCode)) {
      throw forbidden('Only the project office of the report\'s region reviews it', { territoryCode: report.territoryCode });
    }
    const text = remarks?.trim() || null;
    if (!accept && !text) throw badUserInput('remarks', 'Say what to change when returning a report');
    if (text && text.length > MAX_REMARKS) throw badUserInput('remarks', `Remarks are limited to ${MAX_REMARKS} characters`);
    const to = accept ? DistrictReportStatus.ACCEPTED : DistrictReportStatus.RETURNED;
    if (report.status !== DistrictReportStatus.SUBMITTED) throw invalidTransition('DistrictReport', report.status, to);
    await this.ctx.db.transaction(async (manager) => {
      const reviewedAt = new Date();
      await this.guardedUpdate(manager, report, [DistrictReportStatus.SUBMITTED], to, { remarks: text, reviewedAt, reviewedBy: viewer.subject });
      if (accept) return;
      // The remarks stay in the report, for the district to read there.
      await enqueueNotification(manager, {
        dedupeKey: `district-report-returned:${report.id}:${reviewedAt.toISOString()}`,
        recipientSubject: report.submittedBy ?? report.createdBy,
        kind: 'DISTRICT_REPORT_RETURNED',
        about: { type: 'DistrictReport', id: report.id },
        params: { reportId: report.id, territoryCode: report.territoryCode, periodStart: report.periodStart, periodEnd: report.periodEnd },
        language: this.ctx.lang ?? null,
        occurredAt: reviewedAt,
      });
    });
    return this.fresh(id);
  }

  /**
   * Districts (and cities without districts) of a region whose report for a period already due is
   * not SUBMITTED or ACCEPTED: the periods ending from `from` to today (default: the last two months).
   */
  async lateDistricts(regionCode: string, from: string | null | undefined, today = todayInKazakhstan()): Promise<LateDistrict[]> {
    const region = kato().require(regionCode, 'region');
    if (!reviewsDistrictReport(requireViewer(this.ctx.viewer), region.code)) {
      throw forbidden('Only the region\'s project office sees its late districts', { territoryCode: region.code });
    }
    const start = from ?? new Date(Date.parse(`${today}T00:00:00Z`) - LATE_LOOKBACK_DAYS * 86_400_000).toISOString().slice(0, 10);
    // A period is late the day after its Friday.
    const ends = periodEndsBetween(start, today).filter((end) => end < today);
    const districts = kato().subtreeCodes(region.code).map((code) => kato().find(code)!).filter((n) => n.level === TerritoryLevel.DISTRICT);
    if (!ends.length || !districts.length) return [];
    const reports = await this.repository
      .createQueryBuilder('r')
      .where('r.regionCode = :region AND r.periodEnd IN (:...ends)', { region: region.code, ends })
      .getMany();
    const byKey = new Map(reports.map((r) => [`${r.territoryCode}:${r.periodEnd}`, r]));
    const late: LateDistrict[] = [];
    for (const end of ends) {
      for (const district of districts) {
        const report = byKey.get(`${district.code}:${end}`) ?? null;
        if (report && DONE.includes(report.status)) continue;
        late.push({ territory: district, periodEnd: end, dueOn: end, daysOverdue: daysOverdue(end, today), report });
      }
    }
    return late;
  }

  private async requireWritable(id: string): Promise<DistrictReportEntity> {
    const report = await this.ctx.loaders.get(districtReportByIdLoader).load(id);
    if (!report) throw notFound('DistrictReport', id, 'id');
    if (!writesDistrictReport(requireViewer(this.ctx.viewer), report.territoryCode)) {
      throw forbidden('Only akimat officers whose scope covers the district write its report', { territoryCode: report.territoryCode });
    }
    return report;
  }

  /** Moves the report only if it is still in one of `from`: a concurrent change is a refused transition, not a lost update. */
  private async guardedUpdate(
    manager: EntityManager,
    report: DistrictReportEntity,
    from: readonly DistrictReportStatus[],
    to: DistrictReportStatus,
    changes: Record<string, unknown>,
  ): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(DistrictReportEntity)
      .set({ ...changes, status: to })
      .where('id = :id AND status IN (:...from)', { id: report.id, from })
      .execute();
    if (!result.affected) throw invalidTransition('DistrictReport', (await manager.findOneByOrFail(DistrictReportEntity, { id: report.id })).status, to);
  }

  private async fresh(id: string): Promise<DistrictReportEntity> {
    const report = await this.repository.findOneByOrFail({ id });
    this.ctx.loaders.get(districtReportByIdLoader).clear(id).prime(id, report);
    return report;
  }
}

/** Narrative fields given (an omitted field keeps its value; an empty one clears it). */
function narrative(input: DistrictReportNarrativeInput): Partial<Pick<DistrictReportEntity, 'results' | 'problems' | 'nextSteps'>> {
  const out: Partial<Pick<DistrictReportEntity, 'results' | 'problems' | 'nextSteps'>> = {};
  for (const key of ['results', 'problems', 'nextSteps'] as const) if (input[key] !== undefined) out[key] = input[key]?.trim() || null;
  return out;
}
