import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ComplaintActorRole } from '../complaint/complaint.enums';
import type { ComplaintCommentKind } from './complaint-comment.type';

/** A comment or a proposal of a solution, by any signed-in person. */
@Entity('complaint_comment')
export class ComplaintCommentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  @Column('text') kind: ComplaintCommentKind;
  @Column('text') text: string;

  @Column('text', { name: 'by_role' })
  byRole: ComplaintActorRole;

  /** Personal data: only compared with the viewer, never published. */
  @Column('text', { name: 'author_subject' })
  authorSubject: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
