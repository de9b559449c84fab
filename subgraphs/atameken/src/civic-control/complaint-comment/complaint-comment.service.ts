import { badUserInput, conflict, notFound, type ConnectionShape } from '@rz/schema';
import { newId, paginate, requireViewer, type PageRequest } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import { commentsAsAkimat } from '../../access/atameken-access';
import { ComplaintEntity } from '../complaint/complaint.entity';
import { ComplaintActorRole, ComplaintStatus } from '../complaint/complaint.enums';
import { actorRole } from '../complaint/complaint.roles';
import { ComplaintCommentEntity } from './complaint-comment.entity';
import type { CommentOnComplaintInput } from './complaint-comment.input';
import { complaintCommentCountLoader } from './complaint-comment.loader';
import type { AtamekenContext } from '../../context';

export class ComplaintCommentService {
  constructor(private readonly ctx: AtamekenContext) {}

  page(complaint: ComplaintEntity, page: PageRequest): Promise<ConnectionShape<ComplaintCommentEntity>> {
    const query = this.ctx.db.getRepository(ComplaintCommentEntity).createQueryBuilder('cc').where('cc.complaintId = :id', { id: complaint.id });
    return paginate(query, page);
  }

  count(complaint: ComplaintEntity): Promise<number> {
    return this.ctx.loaders.get(complaintCommentCountLoader).load(complaint.id);
  }

  isMine(comment: ComplaintCommentEntity): boolean {
    return !!this.ctx.viewer && this.ctx.viewer.subject === comment.authorSubject;
  }

  /** Any signed-in person comments or proposes; a duplicate sends the discussion to its original. */
  async add(input: CommentOnComplaintInput): Promise<ComplaintCommentEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    const text = input.text.trim();
    if (!text) throw badUserInput('input.text', 'Write something');
    const complaint = isUUID(input.complaint) ? await this.ctx.db.getRepository(ComplaintEntity).findOneBy({ id: input.complaint }) : null;
    if (!complaint) throw notFound('Complaint', input.complaint, 'input.complaint');
    if (complaint.status === ComplaintStatus.DUPLICATE) {
      throw conflict('This complaint is a duplicate: comment on the original', { field: 'input.complaint', duplicateOf: complaint.duplicateOfId });
    }
    // An officer answering in their territory is shown as the akimat; anyone else in their most civic role.
    const byRole = commentsAsAkimat(viewer, complaint.territoryCode) ? ComplaintActorRole.AKIMAT_OFFICER : actorRole(viewer);
    const comment = this.ctx.db.getRepository(ComplaintCommentEntity).create({
      id: newId(),
      complaintId: complaint.id,
      kind: input.kind,
      text,
      byRole,
      authorSubject: viewer.subject,
    });
    return this.ctx.db.getRepository(ComplaintCommentEntity).save(comment);
  }
}
