import { badUserInput, conflict, forbidden, hasAnyLanguage, invalidTransition, kato, localizedColumns, notFound, patchLocalized, type ConnectionShape } from '@rz/schema';
import { newId, paginate, paginateTerritories, requireViewer, type PageRequest, type Viewer } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { mayProposeForOrganisation, mayWithdrawInitiative, moderatesInitiatives } from '../../access/atameken-access';
import { routeToAkimat } from '../../civic-control/akimat/akimat-officer.service';
import { InitiativeEntity } from './initiative.entity';
import { InitiativeAuthorKind, InitiativeStatus } from './initiative.enums';
import { pledgedIn } from './initiative.funding';
import type {
  ChangeInitiativeStatusArgs,
  InitiativeFilter,
  ProposeInitiativeInput,
  RecordInitiativeBudgetArgs,
  UpdateInitiativeInput,
} from './initiative.input';
import { canMoveInitiative, COVERED_STATUS, IMPLEMENTED_STATUS, isAuthorTransition } from './initiative.lifecycle';
import { initiativeByIdLoader } from './initiative.loader';
import { notifyIfEstimateCovered, notifyInitiativeStatus } from './initiative.notifications';
import type { AtamekenContext } from '../../context';

/** Locks an initiative row for a change; NOT_FOUND names `field` for unknown or malformed ids. */
export async function lockInitiative(manager: EntityManager, id: string, field = 'id'): Promise<InitiativeEntity> {
  const initiative = isUUID(id) ? await manager.findOne(InitiativeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
  if (!initiative) throw notFound('Initiative', id, field);
  return initiative;
}

/** Blank strings count as missing, so a title of spaces is no title. */
function clean(value: string | null | undefined): string | null {
  return value?.trim() || null;
}

export class InitiativeService {
  constructor(private readonly ctx: AtamekenContext) {}

  private get repository() {
    return this.ctx.db.getRepository(InitiativeEntity);
  }

  byId(id: string): Promise<InitiativeEntity | null> {
    return this.ctx.loaders.get(initiativeByIdLoader).load(id);
  }

  isMine(initiative: InitiativeEntity): boolean {
    return !!this.ctx.viewer && this.ctx.viewer.subject === initiative.authorSubject;
  }

  async list(filter: InitiativeFilter | null | undefined, page: PageRequest): Promise<ConnectionShape<InitiativeEntity>> {
    return paginate(this.listQuery(filter), page);
  }

  /** One page per territory (with the units below it), in the same statements for any number of territories. */
  listWithin(codes: string[], filter: InitiativeFilter | null | undefined, page: PageRequest): Promise<ConnectionShape<InitiativeEntity>[]> {
    const query = this.listQuery({ ...filter, territory: undefined });
    return paginateTerritories(query, codes, page, { within: (subtree) => `i.territoryCode IN (${subtree})` });
  }

  private listQuery(filter: InitiativeFilter | null | undefined) {
    // An explicit `filter: null` arrives as null, which a default parameter does not cover.
    filter ??= {};
    const query = this.repository.createQueryBuilder('i');
    if (filter.territory) {
      query.andWhere('i.territoryCode = ANY(:codes)', { codes: kato().subtreeCodes(filter.territory, 'filter.territory') });
    }
    if (filter.kind) query.andWhere('i.kind = :kind', { kind: filter.kind });
    if (filter.direction) query.andWhere('i.direction = :direction', { direction: filter.direction });
    if (filter.category) query.andWhere('i.category = :category', { category: filter.category });
    if (filter.status) query.andWhere('i.status = :status', { status: filter.status });
    if (filter.within) {
      const { south, west, north, east } = filter.within;
      query.andWhere('i.lat BETWEEN :south AND :north AND i.lon BETWEEN :west AND :east', { south, west, north, east });
    }
    if (filter.responsibleTerritory) {
      query.andWhere('i.responsibleTerritoryCode = :responsible', {
        responsible: kato().require(filter.responsibleTerritory, 'filter.responsibleTerritory').code,
      });
    }
    if (filter.mine) query.andWhere('i.authorSubject = :author', { author: requireViewer(this.ctx.viewer).subject });
    return query;
  }

  async propose(input: ProposeInitiativeInput): Promise<InitiativeEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    const onBehalf = input.organisation !== undefined && input.organisation !== null;
    if (onBehalf && !mayProposeForOrganisation(viewer)) throw forbidden('Only NGO accounts propose on behalf of an organisation', { field: 'input.organisation' });
    const organisation = clean(input.organisation);
    if (onBehalf && !organisation) throw badUserInput('input.organisation', 'Give the NGO\'s name, or omit it to propose as a citizen');
    if (!hasAnyLanguage(input.title)) throw badUserInput('input.title', 'Give the title in at least one language');
    const territory = kato().require(input.territory, 'input.territory');
    const initiative = this.repository.create({
      id: newId(),
      kind: input.kind,
      direction: input.direction,
      category: input.category,
      ...localizedColumns('title', input.title),
      ...localizedColumns('description', input.description),
      territoryCode: territory.code,
      lat: input.location?.lat ?? null,
      lon: input.location?.lon ?? null,
      estimate: input.estimate,
      status: InitiativeStatus.INITIATED,
      statusReason: null,
      authorSubject: viewer.subject,
      authorKind: organisation ? InitiativeAuthorKind.NGO : InitiativeAuthorKind.CITIZEN,
      authorOrganisation: organisation,
      responsibleTerritoryCode: await routeToAkimat(this.ctx.db.manager, territory.code),
      budgetAmount: 0,
      budgetDecision: null,
      progress: 0,
      startedAt: null,
      implementedAt: null,
      ...localizedColumns('result', null),
      peopleServed: null,
    });
    return this.repository.save(initiative);
  }

  /** The author or an akimat officer of its territory edits an initiative while it is still INITIATED. */
  async update(id: string, input: UpdateInitiativeInput): Promise<InitiativeEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    return this.ctx.db.transaction(async (manager) => {
      const initiative = await this.lockedById(manager, id);
      const isAuthor = viewer.subject === initiative.authorSubject;
      if (!isAuthor) this.requireOfficer(viewer, initiative.territoryCode);
      if (initiative.status !== InitiativeStatus.INITIATED) {
        throw conflict(`Initiative is ${initiative.status}: only INITIATED initiatives can be edited`, { field: 'status', status: initiative.status });
      }
      if (input.territory) {
        const territory = kato().require(input.territory, 'input.territory');
        // An officer may not move an initiative out of their own scope.
        if (!isAuthor) this.requireOfficer(viewer, territory.code);
        if (territory.code !== initiative.territoryCode) {
          initiative.territoryCode = territory.code;
          initiative.responsibleTerritoryCode = await routeToAkimat(manager, territory.code);
        }
      }
      if (input.title && !hasAnyLanguage(patchLocalized(initiative, 'title', input.title))) {
        throw badUserInput('input.title', 'Give the title in at least one language');
      }
      if (input.description) patchLocalized(initiative, 'description', input.description);
      if (input.location) Object.assign(initiative, { lat: input.location.lat, lon: input.location.lon });
      if (input.kind) initiative.kind = input.kind;
      if (input.direction) initiative.direction = input.direction;
      if (input.category) initiative.category = input.category;
      if (input.estimate !== undefined && input.estimate !== null) {
        if (input.estimate < initiative.budgetAmount) {
          throw badUserInput('input.estimate', `The budget decision already covers ${initiative.budgetAmount} tenge; lower it first`, {
            budgetAmount: initiative.budgetAmount,
          });
        }
        initiative.estimate = input.estimate;
      }
      return manager.save(initiative);
    });
  }

  /** The akimat moves an initiative on; the author may only withdraw it. Admins may do either. */
  async changeStatus({ id, to, reason }: ChangeInitiativeStatusArgs): Promise<InitiativeEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    return this.ctx.db.transaction(async (manager) => {
      const initiative = await this.lockedById(manager, id);
      const isAuthor = viewer.subject === initiative.authorSubject;
      const isOfficer = moderatesInitiatives(viewer, initiative.territoryCode);
      const from = initiative.status;
      // Who may ask for this move is decided before the initiative's state, so a caller
      // without the right learns nothing about where it stands.
      if (isAuthorTransition(to) ? !mayWithdrawInitiative(viewer, initiative) : !isOfficer) {
        if (!isAuthor && !isOfficer) throw this.outOfScope(initiative.territoryCode);
        throw forbidden(isAuthorTransition(to) ? 'Only the author may withdraw an initiative' : 'Only an akimat officer of its territory may do this', {
          from,
          to,
        });
      }
      if (!canMoveInitiative(from, to)) throw invalidTransition('Initiative', from, to);
      if (to === IMPLEMENTED_STATUS) {
        throw badUserInput('to', 'Complete an initiative with completeInitiative: it records the result, people served and participants', { from, to });
      }
      const statusReason = clean(reason);
      if (to === InitiativeStatus.REJECTED && !statusReason) throw badUserInput('reason', 'Give the reason for rejecting the initiative');
      if (to === COVERED_STATUS) {
        const covered = initiative.budgetAmount + (await pledgedIn(manager, initiative.id));
        if (covered < initiative.estimate) {
          throw conflict(`Work starts once the estimate is covered: ${covered} of ${initiative.estimate} tenge pledged or budgeted`, {
            field: 'status',
            from,
            to,
            estimate: initiative.estimate,
            covered,
          });
        }
        initiative.startedAt = new Date();
      }
      Object.assign(initiative, { status: to, statusReason });
      const saved = await manager.save(initiative);
      await notifyInitiativeStatus(manager, saved, this.ctx.lang);
      return saved;
    });
  }

  /** An akimat officer records the budget decision that covers (part of) an INITIATED initiative. */
  async recordBudget({ id, amount, decision }: RecordInitiativeBudgetArgs): Promise<InitiativeEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    return this.ctx.db.transaction(async (manager) => {
      const initiative = await this.lockedById(manager, id);
      this.requireOfficer(viewer, initiative.territoryCode);
      if (initiative.status !== InitiativeStatus.INITIATED) {
        throw conflict(`Initiative is ${initiative.status}: the budget is decided before work starts`, { field: 'id', status: initiative.status });
      }
      const reference = clean(decision);
      if (amount > initiative.estimate) throw badUserInput('amount', `The budget may cover at most the estimate, ${initiative.estimate} tenge`);
      if (amount > 0 && !reference) throw badUserInput('decision', 'Name the akimat decision that grants the budget');
      Object.assign(initiative, { budgetAmount: amount, budgetDecision: amount > 0 ? reference : null });
      const saved = await manager.save(initiative);
      await notifyIfEstimateCovered(manager, saved, this.ctx.lang);
      return saved;
    });
  }

  private lockedById(manager: EntityManager, id: string): Promise<InitiativeEntity> {
    return lockInitiative(manager, id);
  }

  private requireOfficer(viewer: Viewer, territoryCode: string): void {
    if (!moderatesInitiatives(viewer, territoryCode)) throw this.outOfScope(territoryCode);
  }

  private outOfScope(territoryCode: string) {
    return forbidden(`Only the author or an akimat officer of territory ${territoryCode} may do this`, { territoryCode });
  }
}
