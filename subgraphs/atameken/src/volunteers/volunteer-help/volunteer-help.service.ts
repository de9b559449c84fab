import { badUserInput, conflict, forbidden, invalidTransition, kato, notFound, type ConnectionShape } from '@rz/schema';
import { claimIdempotencyKey, idempotencyKeyOf, newId, paginate, requireViewer, type PageRequest, type Viewer } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { decidesHelpAs, readsHelpDecisionNote } from '../../access/atameken-access';
import { kzDay } from '../../shared/kz-time';
import { InitiativeEntity } from '../../initiatives/initiative/initiative.entity';
import { InitiativeStatus } from '../../initiatives/initiative/initiative.enums';
import { PersonInNeedEntity } from '../person-in-need/person-in-need.entity';
import { VolunteerEntity } from '../volunteer/volunteer.entity';
import { volunteerByIdLoader } from '../volunteer/volunteer.loader';
import { VolunteerHelpRecordEntity } from './volunteer-help.entity';
import type { RecordVolunteerHelpInput, RejectVolunteerHelpArgs, VolunteerHelpFilter } from './volunteer-help.input';
import { VolunteerHelpDecider, VolunteerHelpStatus } from './volunteer-help.type';
import type { AtamekenContext } from '../../context';

/** Help older than this is not recorded any more: nobody can confirm it reliably. */
const MAX_AGE_DAYS = 366;

export class VolunteerHelpService {
  constructor(private readonly ctx: AtamekenContext) {}

  private get repository() {
    return this.ctx.db.getRepository(VolunteerHelpRecordEntity);
  }

  list(filter: VolunteerHelpFilter | null | undefined, page: PageRequest): Promise<ConnectionShape<VolunteerHelpRecordEntity>> {
    // An explicit `filter: null` arrives as null, which a default parameter does not cover.
    filter ??= {};
    const query = this.repository.createQueryBuilder('h');
    if (filter.territory) {
      query.andWhere('h.territoryCode = ANY(:codes)', { codes: kato().subtreeCodes(filter.territory, 'filter.territory') });
    }
    if (filter.status) query.andWhere('h.status = :status', { status: filter.status });
    if (filter.volunteer) query.andWhere('h.volunteerId = :volunteer', { volunteer: filter.volunteer });
    if (filter.initiative) query.andWhere('h.initiativeId = :initiative', { initiative: filter.initiative });
    return paginate(query, page);
  }

  /** A registered volunteer records help they gave; it counts once confirmed. */
  /** With an idempotency key, a retry returns the record the first request made. */
  async record(input: RecordVolunteerHelpInput, idempotencyKey?: string | null): Promise<VolunteerHelpRecordEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    const key = idempotencyKeyOf(this.ctx, idempotencyKey);
    // Who may record comes first: someone without a profile learns nothing about the input.
    const volunteer = await this.ctx.db.getRepository(VolunteerEntity).findOneBy({ subject: viewer.subject });
    if (!volunteer) throw forbidden('Register as a volunteer before recording help');
    const territory = kato().require(input.territory, 'input.territory');
    const today = kzDay();
    if (input.helpedOn > today) throw badUserInput('input.helpedOn', 'Help cannot be recorded in advance');
    const oldest = kzDay(new Date(Date.now() - MAX_AGE_DAYS * 86_400_000));
    if (input.helpedOn < oldest) throw badUserInput('input.helpedOn', `Help is recorded within a year, since ${oldest}`);
    if (input.initiative) {
      const initiative = await this.ctx.db.getRepository(InitiativeEntity).findOneBy({ id: input.initiative });
      if (!initiative) throw notFound('Initiative', input.initiative, 'input.initiative');
      if (initiative.status === InitiativeStatus.REJECTED || initiative.status === InitiativeStatus.WITHDRAWN) {
        throw conflict(`Initiative is ${initiative.status}: no help can be recorded for it`, { field: 'input.initiative', status: initiative.status });
      }
    }
    if (input.personInNeed && !(await this.ctx.db.getRepository(PersonInNeedEntity).existsBy({ id: input.personInNeed }))) {
      throw notFound('PersonInNeed', input.personInNeed, 'input.personInNeed');
    }
    const record = this.repository.create({
      id: newId(),
      volunteerId: volunteer.id,
      helpedOn: input.helpedOn,
      peopleHelped: input.peopleHelped,
      helpKind: input.helpKind,
      territoryCode: territory.code,
      initiativeId: input.initiative ?? null,
      personInNeedId: input.personInNeed ?? null,
      status: VolunteerHelpStatus.PENDING,
      decidedByRole: null,
      decidedBySubject: null,
      decidedAt: null,
      decisionNote: null,
    });
    return this.ctx.db.transaction(async (manager) => {
      const first = await claimIdempotencyKey(manager, { operation: 'recordVolunteerHelp', subject: viewer.subject, key }, record.id);
      return first ? manager.findOneByOrFail(VolunteerHelpRecordEntity, { id: first }) : manager.save(record);
    });
  }

  confirm(id: string): Promise<VolunteerHelpRecordEntity> {
    return this.decide(id, VolunteerHelpStatus.CONFIRMED, null);
  }

  reject({ id, reason }: RejectVolunteerHelpArgs): Promise<VolunteerHelpRecordEntity> {
    return this.decide(id, VolunteerHelpStatus.REJECTED, reason.trim());
  }

  /**
   * Why a record was rejected may quote the helped person: shown to the volunteer, whoever
   * decided, admins and akimat officers of the territory; null for everyone else.
   */
  async decisionNote(record: VolunteerHelpRecordEntity): Promise<string | null> {
    const viewer = this.ctx.viewer;
    if (!record.decisionNote || !viewer) return null;
    if (readsHelpDecisionNote(viewer, record)) return record.decisionNote;
    const volunteer = await this.ctx.loaders.get(volunteerByIdLoader).load(record.volunteerId);
    return volunteer?.subject === viewer.subject ? record.decisionNote : null;
  }

  /**
   * PENDING -> CONFIRMED or REJECTED, by the helped person (registered on the map with
   * their own account) or an akimat officer of the territory; never by the volunteer.
   */
  private decide(id: string, to: VolunteerHelpStatus, note: string | null): Promise<VolunteerHelpRecordEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    if (!isUUID(id)) throw notFound('VolunteerHelpRecord', id, 'id');
    return this.ctx.db.transaction(async (manager) => {
      const record = await manager.findOne(VolunteerHelpRecordEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!record) throw notFound('VolunteerHelpRecord', id, 'id');
      const decider = await this.decider(manager, viewer, record);
      // Permission first, then the reason, then the state.
      if (note !== null && !note) throw badUserInput('reason', 'Say why the record is wrong');
      if (record.status !== VolunteerHelpStatus.PENDING) throw invalidTransition('VolunteerHelpRecord', record.status, to);
      Object.assign(record, { status: to, decidedByRole: decider, decidedBySubject: viewer.subject, decidedAt: new Date(), decisionNote: note });
      return manager.save(record);
    });
  }

  private async decider(manager: EntityManager, viewer: Viewer, record: VolunteerHelpRecordEntity): Promise<VolunteerHelpDecider> {
    const volunteer = await manager.findOneByOrFail(VolunteerEntity, { id: record.volunteerId });
    const helped = record.personInNeedId ? await manager.findOneBy(PersonInNeedEntity, { id: record.personInNeedId }) : null;
    const capacity = decidesHelpAs(viewer, { volunteerSubject: volunteer.subject, helpedSubject: helped?.subject ?? null, territoryCode: record.territoryCode });
    return VolunteerHelpDecider[capacity];
  }
}
