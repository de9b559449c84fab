import { Column, Entity, PrimaryColumn } from 'typeorm';
import { FaceStatus } from './face.enums';

/** Audit row for each status change; `changedBy` is a token subject and stays internal. */
@Entity('face_status_change')
export class FaceStatusChangeEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'face_id' }) faceId: string;
  @Column('text', { name: 'from_status', nullable: true }) fromStatus: FaceStatus | null;
  @Column('text', { name: 'to_status' }) toStatus: FaceStatus;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('text', { name: 'changed_by' }) changedBy: string;
  /** For FEATURED: the published item that featured the face. */
  @Column('uuid', { name: 'media_item_id', nullable: true }) mediaItemId: string | null;
  @Column('timestamptz', { name: 'changed_at', default: () => 'now()' }) changedAt: Date;
}
