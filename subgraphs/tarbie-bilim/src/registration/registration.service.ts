import { badUserInput, conflict, forbidden, kato, notFound, type ConnectionShape } from '@rz/schema';
import { claimIdempotencyKey, idempotencyKeyOf, newId, paginate, requireViewer, type PageRequest, type SubgraphContext, type Viewer } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { managesTerritory } from '../access/tarbie-bilim-access';
import { EventEntity } from '../event/event.entity';
import { EventStatus } from '../event/event.enums';
import { eventByIdLoader } from '../event/event.loader';
import { EventRegistrationEntity } from './registration.entity';
import { EventParticipantKind, EventRegistrationStatus } from './registration.enums';
import type { EventRegistrationFilter, EventRegistrationInput } from './registration.input';
import { myRegistrationByEventLoader, registrationByIdLoader, waitingPositionLoader } from './registration.loader';
import { fillFreePlaces } from './registration.queue';

/** Registration can be cancelled while the event has not ended (or been called off). */
const CANCELLABLE_IN: readonly EventStatus[] = [EventStatus.REGISTRATION_OPEN, EventStatus.ONGOING];

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driver = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return driver?.code === '23505' && driver.constraint === constraint;
}

export class RegistrationService {
  constructor(private readonly ctx: SubgraphContext) {}

  byId(id: string): Promise<EventRegistrationEntity | null> {
    return this.ctx.loaders.get(registrationByIdLoader).load(id);
  }

  /** The viewer's own registration for an event (the live one, else the latest cancelled), null when anonymous. */
  async mineFor(eventId: string): Promise<EventRegistrationEntity | null> {
    if (!this.ctx.viewer) return null;
    return this.ctx.loaders.get(myRegistrationByEventLoader).load(eventId);
  }

  waitingPosition(registration: EventRegistrationEntity): Promise<number | null> | null {
    return registration.status === EventRegistrationStatus.WAITING ? this.ctx.loaders.get(waitingPositionLoader).load(registration.id) : null;
  }

  /** The registration if the viewer may see it (its participant or the event's organisers), else null. */
  async visibleById(id: string): Promise<EventRegistrationEntity | null> {
    const registration = await this.byId(id);
    return registration && (await this.canSee(registration)) ? registration : null;
  }

  /** The participant's name, for the event's organisers only (the participant gave it to them). */
  async participantNameFor(registration: EventRegistrationEntity): Promise<string | null> {
    const viewer = this.ctx.viewer;
    if (!viewer || registration.participantName === null) return null;
    const event = await this.ctx.loaders.get(eventByIdLoader).load(registration.eventId);
    return event && managesTerritory(viewer, event.territoryCode) ? registration.participantName : null;
  }

  /** The participant and the event's organisers may see a registration; nobody else. */
  async canSee(registration: EventRegistrationEntity): Promise<boolean> {
    const viewer = this.ctx.viewer;
    if (!viewer) return false;
    if (viewer.subject === registration.participantSubject) return true;
    const event = await this.ctx.loaders.get(eventByIdLoader).load(registration.eventId);
    return !!event && managesTerritory(viewer, event.territoryCode);
  }

  async mine(filter: EventRegistrationFilter | null = {}, page: PageRequest): Promise<ConnectionShape<EventRegistrationEntity>> {
    filter ??= {}; // an explicit null argument from GraphQL
    const viewer = requireViewer(this.ctx.viewer);
    const query = this.ctx.db
      .getRepository(EventRegistrationEntity)
      .createQueryBuilder('r')
      .where('r.participantSubject = :subject', { subject: viewer.subject });
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    return paginate(query, page);
  }

  /** Registrants of an event, for its organisers only. */
  async forEvent(eventId: string, filter: EventRegistrationFilter | null | undefined, page: PageRequest): Promise<ConnectionShape<EventRegistrationEntity>> {
    // An explicit `filter: null` arrives as null, which a default parameter does not cover.
    filter ??= {};
    const viewer = requireViewer(this.ctx.viewer);
    const event = await this.ctx.loaders.get(eventByIdLoader).load(eventId);
    if (!event) throw notFound('Event', eventId, 'eventId');
    if (!managesTerritory(viewer, event.territoryCode)) {
      throw forbidden('Only the event\'s organisers may list its registrants', { territoryCode: event.territoryCode });
    }
    const query = this.ctx.db.getRepository(EventRegistrationEntity).createQueryBuilder('r').where('r.eventId = :eventId', { eventId });
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    return paginate(query, page);
  }

  /**
   * Registers the viewer. The event row is locked for the whole transaction, so concurrent
   * registrations are decided one after another against the current counters:
   * a place while one is free, else the waiting list if the event keeps one, else EVENT_FULL.
   * With an idempotency key, a retry returns the registration the first request made.
   */
  async register(eventId: string, input: EventRegistrationInput, idempotencyKey?: string | null): Promise<EventRegistrationEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    const details = this.participantDetails(input);
    const key = idempotencyKeyOf(this.ctx, idempotencyKey);
    if (!isUUID(eventId, 'all')) throw notFound('Event', eventId, 'eventId');
    try {
      const registration = await this.ctx.db.transaction(async (manager) => {
        const id = newId();
        const first = await claimIdempotencyKey(manager, { operation: 'registerForEvent', subject: viewer.subject, key }, id);
        if (first) return manager.findOneByOrFail(EventRegistrationEntity, { id: first });
        const event = await this.lockEvent(manager, eventId, 'eventId');
        if (event.status !== EventStatus.REGISTRATION_OPEN) {
          throw conflict(`Registration is not open: the event is ${event.status}`, { field: 'eventId', reason: 'REGISTRATION_CLOSED', status: event.status });
        }
        await this.requireNotRegistered(manager, event.id, viewer);
        const hasPlace = event.capacity === null || event.confirmedCount < event.capacity;
        if (!hasPlace && !event.waitingList) {
          throw conflict('The event is full and keeps no waiting list', { field: 'eventId', reason: 'EVENT_FULL', capacity: event.capacity });
        }
        // Taken after the lock, so registration time follows the order in which registrations were decided.
        const now = new Date();
        const row: EventRegistrationEntity = {
          id,
          eventId: event.id,
          participantSubject: viewer.subject,
          ...details,
          status: hasPlace ? EventRegistrationStatus.CONFIRMED : EventRegistrationStatus.WAITING,
          registeredAt: now,
          confirmedAt: hasPlace ? now : null,
          cancelledAt: null,
        };
        await manager.insert(EventRegistrationEntity, row);
        await manager.increment(EventEntity, { id: event.id }, hasPlace ? 'confirmedCount' : 'waitingCount', 1);
        return row;
      });
      return this.fresh(registration);
    } catch (error) {
      // The lock makes this unreachable in practice; the unique index still has the last word.
      if (isUniqueViolation(error, 'event_registration_one_per_subject')) {
        throw conflict('You are already registered for this event', { field: 'eventId', reason: 'ALREADY_REGISTERED' });
      }
      throw error;
    }
  }

  /**
   * Cancels a registration (the participant's own, or any for the event's organisers).
   * A freed place goes to the first waiting registration in the same transaction.
   */
  async cancel(id: string): Promise<EventRegistrationEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    const found = isUUID(id, 'all') ? await this.ctx.db.getRepository(EventRegistrationEntity).findOneBy({ id }) : null;
    if (!found) throw notFound('EventRegistration', id, 'id');
    const cancelled = await this.ctx.db.transaction(async (manager) => {
      // Event first, as in register(): one lock order, no deadlocks.
      const event = await this.lockEvent(manager, found.eventId, 'id');
      const registration = await manager.findOne(EventRegistrationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!registration) throw notFound('EventRegistration', id, 'id');
      if (registration.participantSubject !== viewer.subject && !managesTerritory(viewer, event.territoryCode)) {
        throw forbidden('Only the participant and the event\'s organisers may cancel a registration');
      }
      if (registration.status === EventRegistrationStatus.CANCELLED) {
        throw conflict('The registration is already cancelled', { field: 'id', reason: 'ALREADY_CANCELLED' });
      }
      if (!CANCELLABLE_IN.includes(event.status)) {
        throw conflict(`The event is ${event.status}: its registrations can no longer change`, { field: 'id', reason: 'EVENT_CLOSED', status: event.status });
      }
      const now = new Date();
      const was = registration.status;
      await manager.update(EventRegistrationEntity, { id }, { status: EventRegistrationStatus.CANCELLED, cancelledAt: now });
      if (was === EventRegistrationStatus.CONFIRMED) {
        await manager.decrement(EventEntity, { id: event.id }, 'confirmedCount', 1);
        event.confirmedCount -= 1;
        await fillFreePlaces(manager, event, now);
      } else {
        await manager.decrement(EventEntity, { id: event.id }, 'waitingCount', 1);
      }
      return Object.assign(registration, { status: EventRegistrationStatus.CANCELLED, cancelledAt: now });
    });
    return this.fresh(cancelled);
  }

  private participantDetails(input: EventRegistrationInput) {
    const school = input.school.trim();
    if (!school) throw badUserInput('input.school', 'Give the name of the school');
    const territory = kato().require(input.schoolTerritory, 'input.schoolTerritory');
    const isStudent = input.kind === EventParticipantKind.STUDENT;
    if (isStudent && (input.grade === undefined || input.grade === null)) throw badUserInput('input.grade', 'Give the grade of the student');
    if (!isStudent && input.grade !== undefined && input.grade !== null) throw badUserInput('input.grade', 'A teacher registers without a grade');
    const participantName = input.participantName?.trim() || null;
    return { participantName, participantKind: input.kind, grade: isStudent ? input.grade! : null, school, schoolTerritoryCode: territory.code };
  }

  private async requireNotRegistered(manager: EntityManager, eventId: string, viewer: Viewer): Promise<void> {
    const existing = await manager
      .getRepository(EventRegistrationEntity)
      .createQueryBuilder('r')
      .where('r.eventId = :eventId AND r.participantSubject = :subject', { eventId, subject: viewer.subject })
      .andWhere('r.status <> :cancelled', { cancelled: EventRegistrationStatus.CANCELLED })
      .getOne();
    if (existing) {
      throw conflict('You are already registered for this event', { field: 'eventId', reason: 'ALREADY_REGISTERED', registrationStatus: existing.status });
    }
  }

  private async lockEvent(manager: EntityManager, eventId: string, field: string): Promise<EventEntity> {
    const event = await manager.findOne(EventEntity, { where: { id: eventId }, lock: { mode: 'pessimistic_write' } });
    if (!event) throw notFound('Event', eventId, field);
    return event;
  }

  /** Counters and the viewer's registration changed: later fields in this request must not read stale loaders. */
  private fresh(registration: EventRegistrationEntity): EventRegistrationEntity {
    this.ctx.loaders.get(eventByIdLoader).clear(registration.eventId);
    this.ctx.loaders.get(myRegistrationByEventLoader).clear(registration.eventId);
    this.ctx.loaders.get(registrationByIdLoader).clear(registration.id).prime(registration.id, registration);
    this.ctx.loaders.get(waitingPositionLoader).clearAll();
    return registration;
  }
}
