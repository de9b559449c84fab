import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ComplaintActorRole, ComplaintStatus } from './complaint.enums';

/** One row per status change of a complaint, the first one being the filing itself. */
@Entity('complaint_status_change')
export class ComplaintStatusChangeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  @Column('text', { name: 'from_status', nullable: true }) from: ComplaintStatus | null;
  @Column('text', { name: 'to_status' }) to: ComplaintStatus;
  @Column('text', { name: 'by_role' }) byRole: ComplaintActorRole;

  /** Audit trail of who acted; personal data, never published. */
  @Column('text', { name: 'by_subject' })
  bySubject: string;

  @Column('text', { nullable: true }) comment: string | null;
  @Column('timestamptz') at: Date;
}
