import { badUserInput, invalidTransition, kato, notFound, type ConnectionShape } from '@rz/schema';
import { newId, paginate, requireActsIn, requireViewer, Role, type PageRequest, type SubgraphContext, type Viewer } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import { ComplaintEntity } from './complaint.entity';
import { ComplaintActorRole, ComplaintStatus } from './complaint.enums';
import { complaintHistoryLoader } from './complaint-history.loader';
import { COMPLAINT_TEXT_MIN, type ChangeComplaintStatusArgs, type ComplaintFilter, type FileComplaintInput } from './complaint.input';
import { canMoveComplaint } from './complaint.lifecycle';
import { complaintByIdLoader } from './complaint.loader';
import { ComplaintStatusChangeEntity } from './complaint-status-change.entity';
import { appendComplaintEvent } from '../complaint-event/complaint-event.outbox';

/** When a filer holds several roles, the history shows the most civic one. */
const FILING_ROLE_ORDER: readonly Role[] = [Role.CITIZEN, Role.NGO, Role.VOLUNTEER, Role.PATRON, Role.PROJECT_OFFICE, Role.AKIMAT_OFFICER, Role.MINISTRY_EDITOR, Role.ADMIN];

function filingRole(viewer: Viewer): ComplaintActorRole {
  const role = FILING_ROLE_ORDER.find((r) => viewer.roles.includes(r)) ?? Role.CITIZEN;
  return role.toUpperCase() as ComplaintActorRole;
}

export class ComplaintService {
  constructor(private readonly ctx: SubgraphContext) {}

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

  async list(filter: ComplaintFilter = {}, page: PageRequest): Promise<ConnectionShape<ComplaintEntity>> {
    const query = this.repository.createQueryBuilder('c');
    if (filter.territory) {
      query.andWhere('c.territoryCode = ANY(:codes)', { codes: kato().subtreeCodes(kato().require(filter.territory, 'filter.territory').code) });
    }
    if (filter.topic) query.andWhere('c.topic = :topic', { topic: filter.topic });
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.mine) query.andWhere('c.authorSubject = :author', { author: requireViewer(this.ctx.viewer).subject });
    return paginate(query, page);
  }

  /** Files a complaint as SUBMITTED; the complaint and its first history row are written together. */
  async file(input: FileComplaintInput): Promise<ComplaintEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    const territory = kato().require(input.territory, 'input.territory');
    const text = input.text.trim();
    if (text.length < COMPLAINT_TEXT_MIN) throw badUserInput('input.text', `Describe the problem in at least ${COMPLAINT_TEXT_MIN} characters`);
    const now = new Date();
    const complaint = this.repository.create({
      id: newId(),
      topic: input.topic,
      text,
      territoryCode: territory.code,
      lat: input.location?.lat ?? null,
      lon: input.location?.lon ?? null,
      monumentId: input.monument ?? null,
      status: ComplaintStatus.SUBMITTED,
      authorSubject: viewer.subject,
      createdAt: now,
      updatedAt: now,
    });
    await this.ctx.db.transaction(async (manager) => {
      await manager.insert(ComplaintEntity, complaint);
      const change = {
        id: newId(),
        complaintId: complaint.id,
        from: null,
        to: ComplaintStatus.SUBMITTED,
        byRole: filingRole(viewer),
        bySubject: viewer.subject,
        comment: null,
        at: now,
      };
      await manager.insert(ComplaintStatusChangeEntity, change);
      await appendComplaintEvent(manager, complaint, change);
    });
    return complaint;
  }

  /**
   * Moves a complaint along its lifecycle for an akimat officer whose scope covers
   * it (or an admin). The row is locked so concurrent changes cannot both apply.
   */
  async changeStatus({ id, to, comment }: ChangeComplaintStatusArgs): Promise<ComplaintEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    if (!isUUID(id)) throw notFound('Complaint', id, 'id');
    return this.ctx.db.transaction(async (manager) => {
      const complaint = await manager.findOne(ComplaintEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!complaint) throw notFound('Complaint', id, 'id');
      requireActsIn(viewer, complaint.territoryCode, Role.AKIMAT_OFFICER);
      const from = complaint.status;
      if (!canMoveComplaint(from, to)) throw invalidTransition('Complaint', from, to);
      const reason = comment?.trim() || null;
      if (to === ComplaintStatus.REJECTED && !reason) throw badUserInput('comment', 'Give the reason for rejecting the complaint');

      const asOfficer =
        viewer.roles.includes(Role.AKIMAT_OFFICER) && !!viewer.territory && kato().isWithin(complaint.territoryCode, viewer.territory);
      const now = new Date();
      await manager.update(ComplaintEntity, { id }, { status: to, updatedAt: now });
      const change = {
        id: newId(),
        complaintId: id,
        from,
        to,
        byRole: asOfficer ? ComplaintActorRole.AKIMAT_OFFICER : ComplaintActorRole.ADMIN,
        bySubject: viewer.subject,
        comment: reason,
        at: now,
      };
      await manager.insert(ComplaintStatusChangeEntity, change);
      await appendComplaintEvent(manager, complaint, change);
      return Object.assign(complaint, { status: to, updatedAt: now });
    });
  }
}
