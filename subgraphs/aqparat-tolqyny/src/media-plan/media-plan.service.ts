import { badUserInput, conflict, type ConnectionShape, DomainError, invalidTransition, kato, notFound, TerritoryLevel, todayInKazakhstan, WorkListOrder } from '@rz/schema';
import { enqueueNotification, newId, paginate, paginateBy, paginateTerritories, requireActsIn, Role, type PageRequest, type Viewer } from '@rz/subgraph-runtime';
import { QueryFailedError, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { oversees, overseenCodes } from '../access/aqparat-tolqyny-access';
import { MediaItemEntity } from '../media-item/media-item.entity';
import { MediaPlanEntity } from './media-plan.entity';
import { MediaPlanPeriodKind, MediaPlanStatus } from './media-plan.enums';
import type { CreateMediaPlanInput, MediaPlanFilter } from './media-plan.input';
import { mediaPlanByIdLoader } from './media-plan.loader';
import type { AqparatTolqynyContext } from '../context';

const PLANNING_LEVELS: readonly TerritoryLevel[] = [TerritoryLevel.REGION, TerritoryLevel.DISTRICT];
/** Items may be added, and the plan submitted, only in these states. */
const EDITABLE: readonly MediaPlanStatus[] = [MediaPlanStatus.DRAFT, MediaPlanStatus.RETURNED];
const MAX_REMARKS = 4000;

export class MediaPlanService {
  constructor(private readonly ctx: AqparatTolqynyContext) {}

  private get repository() {
    return this.ctx.db.getRepository(MediaPlanEntity);
  }

  /** Any plan, for the services that check the caller themselves. */
  byId(id: string): Promise<MediaPlanEntity | null> {
    return this.ctx.loaders.get(mediaPlanByIdLoader).load(id);
  }

  /** The plan if the viewer may read it: approved plans are public, the others go to those who handle them. */
  async visibleById(id: string): Promise<MediaPlanEntity | null> {
    const plan = await this.byId(id);
    return plan && this.isVisible(plan) ? plan : null;
  }

  isVisible(plan: MediaPlanEntity): boolean {
    return plan.status === MediaPlanStatus.APPROVED || oversees(this.ctx.viewer, plan.territoryCode);
  }

  async list(filter: MediaPlanFilter | null = {}, page: PageRequest, order: WorkListOrder = WorkListOrder.NEWEST): Promise<ConnectionShape<MediaPlanEntity>> {
    const query = this.listQuery(filter);
    const connection =
      order === WorkListOrder.DUE_FIRST ? await paginateBy(query, page, { sql: 'p.submission_deadline', direction: 'ASC' }) : await paginate(query, page);
    this.prime(connection.nodes);
    return connection;
  }

  /** One page per territory (with the units below it), newest first, in the same statements for any number of territories. */
  async listWithin(codes: string[], filter: MediaPlanFilter | null | undefined, page: PageRequest): Promise<ConnectionShape<MediaPlanEntity>[]> {
    const query = this.listQuery({ ...filter, territory: undefined });
    const connections = await paginateTerritories(query, codes, page, { within: (subtree) => `p.territoryCode IN (${subtree})` });
    for (const connection of connections) this.prime(connection.nodes);
    return connections;
  }

  /** Items point back at their plan: answer that from the page already read. */
  private prime(plans: MediaPlanEntity[]): void {
    const loader = this.ctx.loaders.get(mediaPlanByIdLoader);
    for (const plan of plans) loader.prime(plan.id, plan);
  }

  private listQuery(filter: MediaPlanFilter | null | undefined) {
    filter ??= {}; // an explicit null argument from GraphQL
    const query = this.repository.createQueryBuilder('p');
    const overseen = overseenCodes(this.ctx.viewer);
    if (overseen) query.andWhere('(p.status = :approved OR p.territoryCode = ANY(:overseen))', { approved: MediaPlanStatus.APPROVED, overseen });
    if (filter.territory) {
      query.andWhere('p.territoryCode = ANY(:codes)', { codes: kato().subtreeCodes(filter.territory, 'filter.territory') });
    }
    if (filter.year) query.andWhere('p.year = :year', { year: filter.year });
    if (filter.quarter) query.andWhere('p.quarter = :quarter', { quarter: filter.quarter });
    if (filter.periodKind) query.andWhere(filter.periodKind === MediaPlanPeriodKind.YEAR ? 'p.quarter IS NULL' : 'p.quarter IS NOT NULL');
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    if (filter.statuses) query.andWhere('p.status = ANY(:statuses)', { statuses: filter.statuses });
    if (filter.deadlineFrom) query.andWhere('p.submissionDeadline >= :deadlineFrom', { deadlineFrom: filter.deadlineFrom });
    if (filter.deadlineTo) query.andWhere('p.submissionDeadline <= :deadlineTo', { deadlineTo: filter.deadlineTo });
    if (filter.awaitingMe) this.awaitingViewer(query);
    return query;
  }

  /** Plans waiting for the viewer: to submit (officers, in their scope) or to review (project offices, in their region). */
  private awaitingViewer(query: SelectQueryBuilder<MediaPlanEntity>): void {
    const viewer = this.ctx.viewer;
    const scope = viewer?.territory ? kato().subtreeCodes(viewer.territory, 'filter.awaitingMe') : [];
    const waits: string[] = [];
    if (viewer?.roles.includes(Role.AKIMAT_OFFICER)) waits.push('(p.status = ANY(:editable) AND p.territoryCode = ANY(:scope))');
    if (viewer?.roles.includes(Role.PROJECT_OFFICE)) waits.push('(p.status = :submitted AND p.territoryCode = ANY(:scope))');
    query.andWhere(waits.length ? `(${waits.join(' OR ')})` : 'false', { editable: EDITABLE, submitted: MediaPlanStatus.SUBMITTED, scope });
  }

  /** Still open for the district and past its deadline. */
  isLate(plan: MediaPlanEntity, today = todayInKazakhstan()): boolean {
    return EDITABLE.includes(plan.status) && today > plan.submissionDeadline;
  }

  async create(input: CreateMediaPlanInput): Promise<MediaPlanEntity> {
    const territory = kato().require(input.territory, 'input.territory');
    // Scope first: a caller outside it learns nothing more about the territory.
    const viewer = requireActsIn(this.ctx.viewer, territory.code, Role.AKIMAT_OFFICER);
    kato().requireAtLevel(territory.code, PLANNING_LEVELS, 'input.territory', 'Media plans are made by a region, a district or a city');
    const plan = this.repository.create({
      id: newId(),
      territoryCode: territory.code,
      year: input.year,
      quarter: input.quarter ?? null,
      submissionDeadline: input.submissionDeadline,
      status: MediaPlanStatus.DRAFT,
      remarks: null,
      createdBy: viewer.subject,
      submittedAt: null,
      reviewedAt: null,
      reviewedBy: null,
    });
    try {
      await this.repository.insert(plan);
    } catch (error) {
      if (isUniqueViolation(error, 'media_plan_period_uq')) throw await this.duplicate(plan);
      throw error;
    }
    return this.fresh(plan.id);
  }

  /** The plan, if the viewer is an officer of its territory and it can still be edited. */
  async requireEditable(id: string, field = 'id'): Promise<{ plan: MediaPlanEntity; viewer: Viewer }> {
    const plan = await this.byId(id);
    if (!plan) throw notFound('MediaPlan', id, field);
    const viewer = requireActsIn(this.ctx.viewer, plan.territoryCode, Role.AKIMAT_OFFICER);
    assertEditable(plan, field);
    return { plan, viewer };
  }

  async submit(id: string): Promise<MediaPlanEntity> {
    const plan = await this.byId(id);
    if (!plan) throw notFound('MediaPlan', id, 'id');
    const viewer = requireActsIn(this.ctx.viewer, plan.territoryCode, Role.AKIMAT_OFFICER);
    if (!EDITABLE.includes(plan.status)) throw invalidTransition('MediaPlan', plan.status, MediaPlanStatus.SUBMITTED);
    const items = await this.ctx.db.getRepository(MediaItemEntity).countBy({ planId: id });
    if (items === 0) throw badUserInput('id', 'Add at least one item before submitting the media plan');
    await this.transition(this.ctx.db.manager, plan, EDITABLE, MediaPlanStatus.SUBMITTED, { submittedAt: () => 'now()', submittedBy: viewer.subject });
    return this.fresh(id);
  }

  /** The regional project office approves a submitted plan or returns it with remarks. */
  async review(id: string, approve: boolean, remarks: string | null | undefined): Promise<MediaPlanEntity> {
    const plan = await this.byId(id);
    if (!plan) throw notFound('MediaPlan', id, 'id');
    const region = kato().region(plan.territoryCode).code;
    const viewer = requireActsIn(this.ctx.viewer, region, Role.PROJECT_OFFICE);
    const text = remarks?.trim() || null;
    if (!approve && !text) throw badUserInput('remarks', 'Say what to change when returning a media plan');
    if (text && text.length > MAX_REMARKS) throw badUserInput('remarks', `Remarks are limited to ${MAX_REMARKS} characters`);
    const to = approve ? MediaPlanStatus.APPROVED : MediaPlanStatus.RETURNED;
    if (plan.status !== MediaPlanStatus.SUBMITTED) throw invalidTransition('MediaPlan', plan.status, to);
    await this.ctx.db.transaction(async (manager) => {
      const reviewedAt = new Date();
      await this.transition(manager, plan, [MediaPlanStatus.SUBMITTED], to, { remarks: text, reviewedAt, reviewedBy: viewer.subject });
      if (approve) return;
      // The remarks stay in the plan, for its officers to read there.
      await enqueueNotification(manager, {
        dedupeKey: `media-plan-returned:${plan.id}:${reviewedAt.toISOString()}`,
        recipientSubject: plan.submittedBy ?? plan.createdBy,
        kind: 'MEDIA_PLAN_RETURNED',
        about: { type: 'MediaPlan', id: plan.id },
        params: { mediaPlanId: plan.id, territoryCode: plan.territoryCode, year: plan.year, quarter: plan.quarter, submissionDeadline: plan.submissionDeadline },
        language: this.ctx.lang ?? null,
        occurredAt: reviewedAt,
      });
    });
    return this.fresh(id);
  }

  /**
   * Moves the plan only if it is still in one of `from`: a concurrent change makes
   * this a refused transition instead of a lost update.
   */
  private async transition(
    manager: EntityManager,
    plan: MediaPlanEntity,
    from: readonly MediaPlanStatus[],
    to: MediaPlanStatus,
    changes: Record<string, unknown>,
  ): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(MediaPlanEntity)
      .set({ ...changes, status: to })
      .where('id = :id AND status IN (:...from)', { id: plan.id, from })
      .execute();
    if (!result.affected) {
      const current = await manager.findOneByOrFail(MediaPlanEntity, { id: plan.id });
      throw invalidTransition('MediaPlan', current.status, to);
    }
  }

  /** Reads the row after a write and refreshes the request's loader with it. */
  private async fresh(id: string): Promise<MediaPlanEntity> {
    const plan = await this.repository.findOneByOrFail({ id });
    this.ctx.loaders.get(mediaPlanByIdLoader).clear(id).prime(id, plan);
    return plan;
  }

  private async duplicate(plan: MediaPlanEntity): Promise<DomainError> {
    const existing = await this.repository
      .createQueryBuilder('p')
      .where('p.territoryCode = :territory AND p.year = :year', { territory: plan.territoryCode, year: plan.year })
      .andWhere(plan.quarter === null ? 'p.quarter IS NULL' : 'p.quarter = :quarter', { quarter: plan.quarter })
      .getOne();
    const period = plan.quarter === null ? `${plan.year}` : `${plan.year} Q${plan.quarter}`;
    return conflict(`Territory ${plan.territoryCode} already has a media plan for ${period}`, {
      field: plan.quarter === null ? 'input.year' : 'input.quarter',
      existingId: existing?.id ?? null,
    });
  }
}

/** Items change only while the district still holds the plan (DRAFT or RETURNED). */
export function assertEditable(plan: Pick<MediaPlanEntity, 'status'>, field: string): void {
  if (!EDITABLE.includes(plan.status)) {
    throw new DomainError('INVALID_TRANSITION', `MediaPlan is ${plan.status}: items can change only while it is DRAFT or RETURNED`, {
      field,
      from: plan.status,
    });
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return driverError?.code === '23505' && driverError.constraint === constraint;
}
