import { badUserInput, DomainError, hasAnyLanguage, invalidTransition, kato, localizedColumns, notFound, patchLocalized, type ConnectionShape } from '@rz/schema';
import { newId, paginate, paginateTerritories, type PageRequest, type SubgraphContext } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { distinctMonumentIds, replaceMonumentLinks } from '../monument/monument-links';
import { fillFreePlaces } from '../registration/registration.queue';
import { requireManagerRole, requireManagesTerritory } from '../access/tarbie-bilim-access';
import { EventMonumentEntity } from './event-monument.entity';
import { EVENT_TRANSITIONS, EventStatus } from './event.enums';
import { EventEntity } from './event.entity';
import type { CreateEventInput, EventFilter, UpdateEventInput } from './event.input';
import { eventByIdLoader, eventMonumentsLoader, MAX_MONUMENT_EVENTS, upcomingEventsByMonumentLoader } from './event.loader';

const WHAT = 'manage events';

/** Blank strings are stored as null. */
function clean(text: string | null | undefined): string | null {
  return text?.trim() || null;
}

function requireDatesInOrder(startsAt: Date, endsAt: Date, field: string): void {
  if (endsAt.getTime() < startsAt.getTime()) throw badUserInput(field, 'The event cannot end before it starts');
}

function requireOrganiser(organiser: string): string {
  const trimmed = organiser.trim();
  if (!trimmed) throw badUserInput('input.organiser', 'Give the name of the organising body');
  return trimmed;
}

export class EventService {
  constructor(private readonly ctx: SubgraphContext) {}

  private get repository() {
    return this.ctx.db.getRepository(EventEntity);
  }

  async byId(id: string): Promise<EventEntity | null> {
    return this.ctx.loaders.get(eventByIdLoader).load(id);
  }

  async monumentIds(eventId: string): Promise<string[]> {
    return (await this.ctx.loaders.get(eventMonumentsLoader).load(eventId)).map((visit) => visit.monumentId);
  }

  /** Upcoming events visiting a monument, soonest first. */
  async upcomingVisiting(monumentId: string, first: number): Promise<EventEntity[]> {
    if (first < 1 || first > MAX_MONUMENT_EVENTS) throw badUserInput('first', `first must be between 1 and ${MAX_MONUMENT_EVENTS}`);
    return (await this.ctx.loaders.get(upcomingEventsByMonumentLoader).load(monumentId)).slice(0, first);
  }

  async list(filter: EventFilter | null = {}, page: PageRequest): Promise<ConnectionShape<EventEntity>> {
    return paginate(this.listQuery(filter), page);
  }

  /** One page per territory (with the units below it), in the same statements for any number of territories. */
  async listWithin(codes: string[], filter: EventFilter | null | undefined, page: PageRequest): Promise<ConnectionShape<EventEntity>[]> {
    const query = this.listQuery({ ...filter, territory: undefined });
    return paginateTerritories(query, codes, page, { within: (subtree) => `e.territoryCode IN (${subtree})` });
  }

  private listQuery(filter: EventFilter | null | undefined) {
    filter ??= {}; // an explicit null argument from GraphQL
    const query = this.repository.createQueryBuilder('e');
    if (filter.territory) {
      query.andWhere('e.territoryCode = ANY(:codes)', { codes: kato().subtreeCodes(filter.territory, 'filter.territory') });
    }
    if (filter.kind) query.andWhere('e.kind = :kind', { kind: filter.kind });
    if (filter.baseProject) query.andWhere('e.baseProject = :baseProject', { baseProject: filter.baseProject });
    if (filter.status) query.andWhere('e.status = :status', { status: filter.status });
    if (filter.from && filter.to && filter.to < filter.from) throw badUserInput('filter.to', 'to must not be before from');
    // Overlap with the period, so an event running across `from` is still listed.
    if (filter.from) query.andWhere('e.endsAt >= :from', { from: filter.from });
    if (filter.to) query.andWhere('e.startsAt <= :to', { to: filter.to });
    return query;
  }

  async create(input: CreateEventInput): Promise<EventEntity> {
    const viewer = requireManagerRole(this.ctx.viewer, WHAT);
    const territory = kato().require(input.territory, 'input.territory');
    // Scope before the rest of the input: an officer outside the territory learns nothing more than FORBIDDEN.
    requireManagesTerritory(viewer, territory.code, WHAT);
    if (!hasAnyLanguage(input.title)) throw badUserInput('input.title', 'Give the title in at least one language');
    requireDatesInOrder(input.startsAt, input.endsAt, 'input.endsAt');
    const monumentIds = distinctMonumentIds(input.monumentsVisited ?? [], 'input.monumentsVisited');
    const event = this.repository.create({
      id: newId(),
      kind: input.kind,
      baseProject: input.baseProject,
      ...localizedColumns('title', input.title),
      ...localizedColumns('description', input.description),
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      territoryCode: territory.code,
      venue: clean(input.venue),
      capacity: input.capacity ?? null,
      waitingList: input.waitingList ?? false,
      confirmedCount: 0,
      waitingCount: 0,
      status: EventStatus.PLANNED,
      organiser: requireOrganiser(input.organiser),
    });
    const saved = await this.ctx.db.transaction(async (manager) => {
      const row = await manager.save(event);
      await replaceMonumentLinks(manager, EventMonumentEntity, { eventId: row.id }, monumentIds);
      return row;
    });
    return this.fresh(saved);
  }

  async update(id: string, input: UpdateEventInput): Promise<EventEntity> {
    const viewer = requireManagerRole(this.ctx.viewer, WHAT);
    const saved = await this.ctx.db.transaction(async (manager) => {
      const event = await this.lockForWrite(manager, id);
      requireManagesTerritory(viewer, event.territoryCode, WHAT);
      if (event.status === EventStatus.COMPLETED || event.status === EventStatus.CANCELLED) {
        throw new DomainError('CONFLICT', `Event is ${event.status} and can no longer be edited`, { field: 'id', status: event.status });
      }
      if (input.territory) {
        const territory = kato().require(input.territory, 'input.territory');
        // Officers may move an event only inside their own scope.
        requireManagesTerritory(viewer, territory.code, WHAT);
        event.territoryCode = territory.code;
      }
      if (input.title && !hasAnyLanguage(patchLocalized(event, 'title', input.title))) {
        throw badUserInput('input.title', 'Give the title in at least one language');
      }
      if (input.description) patchLocalized(event, 'description', input.description);
      if (input.startsAt || input.endsAt) {
        const startsAt = input.startsAt ?? event.startsAt;
        const endsAt = input.endsAt ?? event.endsAt;
        requireDatesInOrder(startsAt, endsAt, input.endsAt ? 'input.endsAt' : 'input.startsAt');
        Object.assign(event, { startsAt, endsAt });
      }
      if (input.kind) event.kind = input.kind;
      if (input.baseProject) event.baseProject = input.baseProject;
      if (input.venue !== undefined && input.venue !== null) event.venue = clean(input.venue);
      if (input.capacity !== undefined && input.capacity !== null) {
        if (input.capacity < event.confirmedCount) {
          throw badUserInput('input.capacity', `${event.confirmedCount} places are already confirmed: capacity cannot go below that`, { confirmed: event.confirmedCount });
        }
        event.capacity = input.capacity;
      }
      if (input.waitingList !== undefined && input.waitingList !== null) event.waitingList = input.waitingList;
      if (input.organiser !== undefined && input.organiser !== null) event.organiser = requireOrganiser(input.organiser);
      const row = await manager.save(event);
      if (input.monumentsVisited) {
        await replaceMonumentLinks(manager, EventMonumentEntity, { eventId: row.id }, distinctMonumentIds(input.monumentsVisited, 'input.monumentsVisited'));
      }
      // A larger capacity admits the waiting list in order, in the same transaction.
      await fillFreePlaces(manager, row, new Date());
      return row;
    });
    return this.fresh(saved);
  }

  async changeStatus(id: string, to: EventStatus): Promise<EventEntity> {
    const viewer = requireManagerRole(this.ctx.viewer, WHAT);
    const saved = await this.ctx.db.transaction(async (manager) => {
      const event = await this.lockForWrite(manager, id);
      requireManagesTerritory(viewer, event.territoryCode, WHAT);
      if (!EVENT_TRANSITIONS[event.status].includes(to)) throw invalidTransition('Event', event.status, to);
      event.status = to;
      return manager.save(event);
    });
    return this.fresh(saved);
  }

  /** Row lock for the rest of the transaction, so concurrent status changes cannot both pass the lifecycle check. */
  private async lockForWrite(manager: EntityManager, id: string): Promise<EventEntity> {
    const event = isUUID(id, 'all')
      ? await manager.getRepository(EventEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!event) throw notFound('Event', id, 'id');
    return event;
  }

  /** Loaders used earlier in the same request (mutations run in sequence) must not serve stale values. */
  private fresh(event: EventEntity): EventEntity {
    this.ctx.loaders.get(eventByIdLoader).clear(event.id).prime(event.id, event);
    this.ctx.loaders.get(eventMonumentsLoader).clear(event.id);
    return event;
  }
}
