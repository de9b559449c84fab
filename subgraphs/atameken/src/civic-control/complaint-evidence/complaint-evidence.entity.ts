import type { EvidenceKind } from '@rz/schema';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A file attached to a complaint: the hash the gateway's evidence store keeps it under. */
@Entity('complaint_evidence')
export class ComplaintEvidenceEntity {
  @PrimaryColumn('uuid', { name: 'complaint_id' })
  complaintId: string;

  /** Order in which the author attached it. */
  @PrimaryColumn('smallint')
  position: number;

  @Column('text') sha256: string;
  @Column('text') kind: EvidenceKind;
}
