import { badUserInput, conflict, forbidden, hasAnyLanguage, invalidTransition, kato, notFound, type ConnectionShape, type Localized } from '@rz/schema';
import { actsIn, newId, paginate, requireViewer, Role, type PageRequest, type SubgraphContext, type Viewer } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { InitiativeEntity } from './initiative.entity';
import { InitiativeStatus } from './initiative.enums';
import type { ChangeInitiativeStatusArgs, InitiativeFilter, ProposeInitiativeInput, UpdateInitiativeInput } from './initiative.input';
import { canMoveInitiative, isAuthorTransition } from './initiative.lifecycle';
import { initiativeByIdLoader } from './initiative.loader';

/** Blank strings count as missing, so a title of spaces is no title. */
function clean(value: string | null | undefined): string | null {
  return value?.trim() || null;
}

/** A partial localized update: absent or null languages keep their value. */
function merge(current: Localized, change: Localized | null | undefined): Localized {
  if (!change) return current;
  const pick = (lang: keyof Localized) => (change[lang] === undefined || change[lang] === null ? current[lang] ?? null : clean(change[lang]));
  return { kk: pick('kk'), ru: pick('ru'), en: pick('en') };
}

export class InitiativeService {
  constructor(private readonly ctx: SubgraphContext) {}

  private get repository() {
    return this.ctx.db.getRepository(InitiativeEntity);
  }

  byId(id: string): Promise<InitiativeEntity | null> {
    return this.ctx.loaders.get(initiativeByIdLoader).load(id);
  }

  isMine(initiative: InitiativeEntity): boolean {
    return !!this.ctx.viewer && this.ctx.viewer.subject === initiative.authorSubject;
  }

  async list(filter: InitiativeFilter = {}, page: PageRequest): Promise<ConnectionShape<InitiativeEntity>> {
    const query = this.repository.createQueryBuilder('i');
    if (filter.territory) {
      query.andWhere('i.territoryCode = ANY(:codes)', { codes: kato().subtreeCodes(kato().require(filter.territory, 'filter.territory').code) });
    }
    if (filter.kind) query.andWhere('i.kind = :kind', { kind: filter.kind });
    if (filter.direction) query.andWhere('i.direction = :direction', { direction: filter.direction });
    if (filter.category) query.andWhere('i.category = :category', { category: filter.category });
    if (filter.status) query.andWhere('i.status = :status', { status: filter.status });
    if (filter.within) {
      const { south, west, north, east } = filter.within;
      query.andWhere('i.lat BETWEEN :south AND :north AND i.lon BETWEEN :west AND :east', { south, west, north, east });
    }
    if (filter.mine) query.andWhere('i.authorSubject = :author', { author: requireViewer(this.ctx.viewer).subject });
    return paginate(query, page);
  }

  async propose(input: ProposeInitiativeInput): Promise<InitiativeEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    const title = merge({}, input.title);
    if (!hasAnyLanguage(title)) throw badUserInput('input.title', 'Give the title in at least one language');
    const territory = kato().require(input.territory, 'input.territory');
    const description = merge({}, input.description);
    const initiative = this.repository.create({
      id: newId(),
      kind: input.kind,
      direction: input.direction,
      category: input.category,
      titleKk: title.kk,
      titleRu: title.ru,
      titleEn: title.en,
      descriptionKk: description.kk,
      descriptionRu: description.ru,
      descriptionEn: description.en,
      territoryCode: territory.code,
      lat: input.location?.lat ?? null,
      lon: input.location?.lon ?? null,
      estimate: input.estimate,
      status: InitiativeStatus.INITIATED,
      statusReason: null,
      authorSubject: viewer.subject,
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
        initiative.territoryCode = territory.code;
      }
      if (input.title) {
        const title = merge({ kk: initiative.titleKk, ru: initiative.titleRu, en: initiative.titleEn }, input.title);
        if (!hasAnyLanguage(title)) throw badUserInput('input.title', 'Give the title in at least one language');
        Object.assign(initiative, { titleKk: title.kk, titleRu: title.ru, titleEn: title.en });
      }
      if (input.description) {
        const d = merge({ kk: initiative.descriptionKk, ru: initiative.descriptionRu, en: initiative.descriptionEn }, input.description);
        Object.assign(initiative, { descriptionKk: d.kk, descriptionRu: d.ru, descriptionEn: d.en });
      }
      if (input.location) Object.assign(initiative, { lat: input.location.lat, lon: input.location.lon });
      if (input.kind) initiative.kind = input.kind;
      if (input.direction) initiative.direction = input.direction;
      if (input.category) initiative.category = input.category;
      if (input.estimate !== undefined && input.estimate !== null) initiative.estimate = input.estimate;
      return manager.save(initiative);
    });
  }

  /** The akimat moves an initiative on; the author may only withdraw it. Admins may do either. */
  async changeStatus({ id, to, reason }: ChangeInitiativeStatusArgs): Promise<InitiativeEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    return this.ctx.db.transaction(async (manager) => {
      const initiative = await this.lockedById(manager, id);
      const isAuthor = viewer.subject === initiative.authorSubject;
      const isOfficer = actsIn(viewer, initiative.territoryCode, Role.AKIMAT_OFFICER);
      if (!isAuthor && !isOfficer) throw this.outOfScope(initiative.territoryCode);
      const from = initiative.status;
      if (!canMoveInitiative(from, to)) throw invalidTransition('Initiative', from, to);
      if (isAuthorTransition(to) ? !isAuthor && !viewer.roles.includes(Role.ADMIN) : !isOfficer) {
        throw forbidden(isAuthorTransition(to) ? 'Only the author may withdraw an initiative' : 'Only an akimat officer of its territory may do this', {
          from,
          to,
        });
      }
      const statusReason = clean(reason);
      if (to === InitiativeStatus.REJECTED && !statusReason) throw badUserInput('reason', 'Give the reason for rejecting the initiative');
      Object.assign(initiative, { status: to, statusReason });
      return manager.save(initiative);
    });
  }

  private async lockedById(manager: EntityManager, id: string): Promise<InitiativeEntity> {
    const initiative = isUUID(id)
      ? await manager.findOne(InitiativeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!initiative) throw notFound('Initiative', id, 'id');
    return initiative;
  }

  private requireOfficer(viewer: Viewer, territoryCode: string): void {
    if (!actsIn(viewer, territoryCode, Role.AKIMAT_OFFICER)) throw this.outOfScope(territoryCode);
  }

  private outOfScope(territoryCode: string) {
    return forbidden(`Only the author or an akimat officer of territory ${territoryCode} may do this`, { territoryCode });
  }
}
