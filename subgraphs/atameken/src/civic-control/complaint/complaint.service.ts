import { badUserInput, conflict, distanceKm, DomainError, forbidden, invalidTransition, kato, notFound, type ConnectionShape, WorkListOrder } from '@rz/schema';
import { claimIdempotencyKey, idempotencyKeyOf, newId, paginate, paginateTerritories, requireViewer, type PageRequest } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import { In, type EntityManager } from 'typeorm';
import { isOfficerIn, requireHandlesComplaint } from '../../access/atameken-access';
import { routeToAkimat } from '../akimat/akimat-officer.service';
import { addWorkingDays, kzDay } from '../../shared/kz-time';
import { appendComplaintEvent } from '../complaint-event/complaint-event.outbox';
import { workingDaysFor } from '../complaint-deadline/complaint-deadline.service';
import { ComplaintEvidenceEntity } from '../complaint-evidence/complaint-evidence.entity';
import { ComplaintEvidenceService } from '../complaint-evidence/complaint-evidence.service';
import { ComplaintEntity } from './complaint.entity';
import { notifyComplaintAssigned } from './complaint-assigned.notification';
import { notifyComplaintStatusChanged } from './complaint-status.notification';
import { ComplaintActorRole, ComplaintStatus } from './complaint.enums';
import { complaintHistoryLoader } from './complaint-history.loader';
import {
  COMPLAINT_TEXT_MIN,
  type ChangeComplaintStatusArgs,
  type ComplaintFilter,
  type FileComplaintInput,
  type ReopenComplaintArgs,
} from './complaint.input';
import {
  canMoveComplaint,
  canReopenComplaint,
  isOpenComplaint,
  isResolvedComplaint,
  OPEN_COMPLAINT_STATUSES,
  REOPENED_STATUS,
  RESOLVED_COMPLAINT_STATUSES,
  reopenableUntil,
} from './complaint.lifecycle';
import { complaintByIdLoader } from './complaint.loader';
import { applyComplaintWorkFilters, complaintsDueFirst } from './complaint-work-list';
import { actorRole } from './complaint.roles';
import { ComplaintStatusChangeEntity } from './complaint-status-change.entity';
import type { AtamekenContext } from '../../context';

/** Open complaints on the same topic this close are offered as likely duplicates. */
export const DUPLICATE_RADIUS_KM = 0.25;
const MAX_LIKELY_DUPLICATES = 10;
/** Degrees of latitude that surely contain the radius (1 degree is at least 110.5 km). */
const RADIUS_LAT_DEGREES = DUPLICATE_RADIUS_KM / 110;

export interface FiledComplaint {
  complaint: ComplaintEntity;
  likelyDuplicates: ComplaintEntity[];
}

type StatusChange = Pick<ComplaintStatusChangeEntity, 'from' | 'to' | 'byRole' | 'bySubject' | 'comment'>;

export class ComplaintService {
  constructor(private readonly ctx: AtamekenContext) {}

  private get repository() {
    return this.ctx.db.getRepository(ComplaintEntity);
  }

  byId(id: string): Promise<ComplaintEntity | null> {
    return this.ctx.loaders.get(complaintByIdLoader).load(id);
  }

  history(complaint: ComplaintEntity): Promise<ComplaintStatusChangeEntity[]> {
    return this.ctx.loaders.get(complaintHistoryLoader).load(complaint.id);
  }

  isMine(complaint: ComplaintEntity): boolean {
    return !!this.ctx.viewer && this.ctx.viewer.subject === complaint.authorSubject;
  }

  isAssignedToMe(complaint: ComplaintEntity): boolean {
    return !!this.ctx.viewer && this.ctx.viewer.subject === complaint.assignedOfficerSubject;
  }

  /** Open and past its due day (Kazakhstan calendar). */
  isOverdue(complaint: ComplaintEntity, today = kzDay()): boolean {
    return isOpenComplaint(complaint.status) && complaint.dueOn < today;
  }

  reopenableUntil(complaint: ComplaintEntity): Date | null {
    return complaint.resolvedAt ? reopenableUntil(complaint.resolvedAt) : null;
  }

  async list(filter: ComplaintFilter | null | undefined, page: PageRequest, order = WorkListOrder.NEWEST): Promise<ConnectionShape<ComplaintEntity>> {
    const query = this.listQuery(filter);
    return order === WorkListOrder.DUE_FIRST ? complaintsDueFirst(query, page) : paginate(query, page);
  }

  /** One page per territory (with the units below it), newest first, in the same statements for any number of territories. */
  listWithin(codes: string[], filter: ComplaintFilter | null | undefined, page: PageRequest): Promise<ConnectionShape<ComplaintEntity>[]> {
    const query = this.listQuery({ ...filter, territory: undefined });
    return paginateTerritories(query, codes, page, { within: (subtree) => `c.territoryCode IN (${subtree})` });
  }

  private listQuery(filter: ComplaintFilter | null | undefined) {
    // An explicit `filter: null` arrives as null, which a default parameter does not cover.
    filter ??= {};
    const query = this.repository.createQueryBuilder('c');
    if (filter.territory) {
      query.andWhere('c.territoryCode = ANY(:codes)', { codes: kato().subtreeCodes(filter.territory, 'filter.territory') });
    }
    if (filter.responsibleTerritory) {
      query.andWhere('c.responsibleTerritoryCode = :responsible', {
        responsible: kato().require(filter.responsibleTerritory, 'filter.responsibleTerritory').code,
      });
    }
    if (filter.topic) query.andWhere('c.topic = :topic', { topic: filter.topic });
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.monument) query.andWhere('c.monumentId = :monument', { monument: filter.monument });
    if (filter.overdue !== undefined && filter.overdue !== null) {
      const overdue = 'c.status IN (:...open) AND c.dueOn < :today';
      query.andWhere(filter.overdue ? overdue : `NOT (${overdue})`, { open: OPEN_COMPLAINT_STATUSES, today: kzDay() });
    }
    if (filter.mine) query.andWhere('c.authorSubject = :author', { author: requireViewer(this.ctx.viewer).subject });
    applyComplaintWorkFilters(query, filter, this.ctx.viewer);
    return query;
  }

  /**
   * Files a complaint as SUBMITTED, routed to the nearest staffed akimat, with its
   * due day, evidence and first history row written together; then lists likely duplicates.
   * With an idempotency key, a retry returns the complaint the first request filed.
   */
  async file(input: FileComplaintInput, idempotencyKey?: string | null): Promise<FiledComplaint> {
    const viewer = requireViewer(this.ctx.viewer);
    const key = idempotencyKeyOf(this.ctx, idempotencyKey);
    const territory = kato().require(input.territory, 'input.territory');
    const text = input.text.trim();
    if (text.length < COMPLAINT_TEXT_MIN) throw badUserInput('input.text', `Describe the problem in at least ${COMPLAINT_TEXT_MIN} characters`);
    const evidence = new ComplaintEvidenceService(this.ctx).verify(input.evidence ?? []);
    const now = new Date();
    const complaint = await this.ctx.db.transaction(async (manager) => {
      const id = newId();
      const first = await claimIdempotencyKey(manager, { operation: 'fileComplaint', subject: viewer.subject, key }, id);
      if (first) return manager.findOneByOrFail(ComplaintEntity, { id: first });
      const complaint = manager.create(ComplaintEntity, {
        id,
        topic: input.topic,
        text,
        territoryCode: territory.code,
        lat: input.location?.lat ?? null,
        lon: input.location?.lon ?? null,
        monumentId: input.monument ?? null,
        status: ComplaintStatus.SUBMITTED,
        authorSubject: viewer.subject,
        responsibleTerritoryCode: await routeToAkimat(manager, territory.code),
        dueOn: addWorkingDays(kzDay(now), await workingDaysFor(manager, input.topic)),
        resolvedAt: null,
        duplicateOfId: null,
        assignedOfficerSubject: null,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(ComplaintEntity, complaint);
      await manager.insert(
        ComplaintEvidenceEntity,
        evidence.map((e, position) => ({ complaintId: complaint.id, position, sha256: e.sha256, kind: e.kind })),
      );
      await this.recordChange(manager, complaint, { from: null, to: ComplaintStatus.SUBMITTED, byRole: actorRole(viewer), bySubject: viewer.subject, comment: null }, now);
      await notifyComplaintAssigned(manager, complaint, this.ctx.lang);
      return complaint;
    });
    return { complaint, likelyDuplicates: await this.likelyDuplicates(complaint) };
  }

  /** Open complaints on the same topic within 250 m (great-circle), nearest first. */
  async likelyDuplicates(complaint: Pick<ComplaintEntity, 'id' | 'topic' | 'lat' | 'lon'>): Promise<ComplaintEntity[]> {
    if (complaint.lat === null || complaint.lon === null) return [];
    const here = { lat: complaint.lat, lon: complaint.lon };
    const lonDegrees = RADIUS_LAT_DEGREES / Math.cos((Math.abs(here.lat) * Math.PI) / 180);
    const candidates = await this.repository
      .createQueryBuilder('c')
      .where('c.topic = :topic AND c.status IN (:...open) AND c.id <> :id', { topic: complaint.topic, open: OPEN_COMPLAINT_STATUSES, id: complaint.id })
      .andWhere('c.lat BETWEEN :south AND :north AND c.lon BETWEEN :west AND :east', {
        south: here.lat - RADIUS_LAT_DEGREES,
        north: here.lat + RADIUS_LAT_DEGREES,
        west: here.lon - lonDegrees,
        east: here.lon + lonDegrees,
      })
      .getMany();
    return candidates
      .map((c) => ({ c, km: distanceKm(here, { lat: c.lat!, lon: c.lon! }) }))
      .filter(({ km }) => km <= DUPLICATE_RADIUS_KM)
      .sort((a, b) => a.km - b.km || (a.c.id < b.c.id ? 1 : -1))
      .slice(0, MAX_LIKELY_DUPLICATES)
      .map(({ c }) => c);
  }

  /**
   * Moves a complaint along its lifecycle for an akimat officer whose scope covers
   * it (or an admin). Rows are locked so concurrent changes cannot both apply.
   */
  async changeStatus({ id, to, comment, duplicateOf }: ChangeComplaintStatusArgs): Promise<ComplaintEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    if (!isUUID(id)) throw notFound('Complaint', id, 'id');
    return this.ctx.db.transaction(async (manager) => {
      const locked = await this.lock(manager, to === ComplaintStatus.DUPLICATE && duplicateOf && isUUID(duplicateOf) ? [id, duplicateOf] : [id]);
      const complaint = locked.get(id);
      if (!complaint) throw notFound('Complaint', id, 'id');
      // Permission first: a caller outside the scope learns nothing from the input checks below.
      requireHandlesComplaint(viewer, complaint);
      if (duplicateOf && to !== ComplaintStatus.DUPLICATE) throw badUserInput('duplicateOf', 'Only a DUPLICATE points to an original');
      const from = complaint.status;
      if (!canMoveComplaint(from, to)) throw invalidTransition('Complaint', from, to);
      const reason = comment?.trim() || null;
      if (to === ComplaintStatus.REJECTED && !reason) throw badUserInput('comment', 'Give the reason for rejecting the complaint');

      const now = new Date();
      const changes: Partial<ComplaintEntity> = { status: to, updatedAt: now };
      if (to === ComplaintStatus.DUPLICATE) changes.duplicateOfId = this.original(complaint, duplicateOf, locked).id;
      if (RESOLVED_COMPLAINT_STATUSES.includes(to)) changes.resolvedAt = now;
      // Recorded as the akimat's (and assigned) only inside the officer's own scope; an admin acting elsewhere is the admin.
      const asOfficer = isOfficerIn(viewer, complaint.territoryCode);
      if (to === ComplaintStatus.ACCEPTED && asOfficer) changes.assignedOfficerSubject = viewer.subject;

      await manager.update(ComplaintEntity, { id }, changes);
      Object.assign(complaint, changes);
      const byRole = asOfficer ? ComplaintActorRole.AKIMAT_OFFICER : ComplaintActorRole.ADMIN;
      await this.recordChange(manager, complaint, { from, to, byRole, bySubject: viewer.subject, comment: reason }, now);
      return complaint;
    });
  }

  /**
   * The author reopens a resolved complaint within 30 days of its resolution: it goes
   * back to the akimat IN_PROGRESS with a fresh deadline counted from today.
   */
  async reopen({ id, reason }: ReopenComplaintArgs): Promise<ComplaintEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    if (!isUUID(id)) throw notFound('Complaint', id, 'id');
    return this.ctx.db.transaction(async (manager) => {
      const complaint = (await this.lock(manager, [id])).get(id);
      if (!complaint) throw notFound('Complaint', id, 'id');
      if (viewer.subject !== complaint.authorSubject) throw forbidden('Only the author may reopen a complaint');
      const why = reason.trim();
      if (!why) throw badUserInput('reason', 'Say why the problem is not solved');
      const from = complaint.status;
      if (!canReopenComplaint(from)) throw invalidTransition('Complaint', from, REOPENED_STATUS);
      const now = new Date();
      const until = reopenableUntil(complaint.resolvedAt!);
      if (now > until) {
        throw conflict(`The ${from} complaint could be reopened until ${until.toISOString()}: file a new one`, {
          field: 'id',
          from,
          to: REOPENED_STATUS,
          reopenableUntil: until.toISOString(),
        });
      }
      const changes: Partial<ComplaintEntity> = {
        status: REOPENED_STATUS,
        resolvedAt: null,
        dueOn: addWorkingDays(kzDay(now), await workingDaysFor(manager, complaint.topic)),
        updatedAt: now,
      };
      await manager.update(ComplaintEntity, { id }, changes);
      Object.assign(complaint, changes);
      await this.recordChange(manager, complaint, { from, to: REOPENED_STATUS, byRole: actorRole(viewer), bySubject: viewer.subject, comment: why }, now);
      return complaint;
    });
  }

  /** Locks the rows in id order, so two transactions locking the same pair cannot deadlock. */
  private async lock(manager: EntityManager, ids: string[]): Promise<Map<string, ComplaintEntity>> {
    const rows = await manager
      .createQueryBuilder(ComplaintEntity, 'c')
      .setLock('pessimistic_write')
      .where({ id: In(ids) })
      .orderBy('c.id')
      .getMany();
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * Undoes a wrong DUPLICATE (officers who handle the complaint, or admins): it returns to
   * the status it had before, no longer points to an original, and goes on from there, so
   * its author can follow it, and reopen it once resolved, as any other.
   */
  async undoDuplicate(id: string, comment: string | null | undefined): Promise<ComplaintEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    if (!isUUID(id)) throw notFound('Complaint', id, 'id');
    return this.ctx.db.transaction(async (manager) => {
      const complaint = (await this.lock(manager, [id])).get(id);
      if (!complaint) throw notFound('Complaint', id, 'id');
      requireHandlesComplaint(viewer, complaint);
      if (complaint.status !== ComplaintStatus.DUPLICATE) {
        throw new DomainError('INVALID_TRANSITION', `Only a DUPLICATE can be undone; this complaint is ${complaint.status}`, { field: 'id', from: complaint.status });
      }
      const marked = await manager.findOne(ComplaintStatusChangeEntity, {
        where: { complaintId: id, to: ComplaintStatus.DUPLICATE },
        order: { at: 'DESC', id: 'DESC' },
      });
      const back = marked?.from ?? ComplaintStatus.SUBMITTED;
      const now = new Date();
      const changes: Partial<ComplaintEntity> = { status: back, duplicateOfId: null, updatedAt: now };
      await manager.update(ComplaintEntity, { id }, changes);
      Object.assign(complaint, changes);
      const byRole = isOfficerIn(viewer, complaint.territoryCode) ? ComplaintActorRole.AKIMAT_OFFICER : ComplaintActorRole.ADMIN;
      await this.recordChange(manager, complaint, { from: ComplaintStatus.DUPLICATE, to: back, byRole, bySubject: viewer.subject, comment: comment?.trim() || null }, now);
      return complaint;
    });
  }

  /**
   * The original a complaint duplicates: an open or resolved complaint on the same topic,
   * in the same territory or within DUPLICATE_RADIUS_KM of it, not itself a duplicate.
   */
  private original(complaint: ComplaintEntity, duplicateOf: string | null | undefined, locked: Map<string, ComplaintEntity>): ComplaintEntity {
    const id = complaint.id;
    if (!duplicateOf) throw badUserInput('duplicateOf', 'Name the original complaint this one duplicates');
    if (duplicateOf === id) throw badUserInput('duplicateOf', 'A complaint cannot duplicate itself');
    const original = locked.get(duplicateOf);
    if (!original) throw notFound('Complaint', duplicateOf, 'duplicateOf');
    if (original.status === ComplaintStatus.DUPLICATE) {
      throw badUserInput('duplicateOf', `That complaint is itself a duplicate: point to its original ${original.duplicateOfId}`, {
        original: original.duplicateOfId,
      });
    }
    if (!isOpenComplaint(original.status) && !isResolvedComplaint(original.status)) {
      throw badUserInput('duplicateOf', `The original must be open or resolved; that complaint is ${original.status}`, { originalStatus: original.status });
    }
    if (original.topic !== complaint.topic) {
      throw badUserInput('duplicateOf', `The original is about ${original.topic}, this complaint about ${complaint.topic}: a duplicate has the same topic`, {
        originalTopic: original.topic,
      });
    }
    const near =
      complaint.lat !== null && complaint.lon !== null && original.lat !== null && original.lon !== null &&
      distanceKm({ lat: complaint.lat, lon: complaint.lon }, { lat: original.lat, lon: original.lon }) <= DUPLICATE_RADIUS_KM;
    if (original.territoryCode !== complaint.territoryCode && !near) {
      throw badUserInput('duplicateOf', `The original must be in the same territory or within ${DUPLICATE_RADIUS_KM * 1000} m of this complaint`, {
        originalTerritoryCode: original.territoryCode,
      });
    }
    return original;
  }

  /** History row, outbox event and the author's notification in the caller's transaction. */
  private async recordChange(manager: EntityManager, complaint: ComplaintEntity, change: StatusChange, at: Date): Promise<void> {
    const row = { id: newId(), complaintId: complaint.id, ...change, at };
    await manager.insert(ComplaintStatusChangeEntity, row);
    await appendComplaintEvent(manager, complaint, row);
    await notifyComplaintStatusChanged(manager, complaint, row, this.ctx.lang);
  }
}
