import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A resident's support of a nomination; the subject is personal data and has no GraphQL field. */
@Entity('face_support')
export class FaceSupportEntity {
  @PrimaryColumn('uuid', { name: 'face_id' }) faceId: string;
  @PrimaryColumn('text') subject: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
