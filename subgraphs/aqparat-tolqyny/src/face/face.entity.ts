import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { FaceSphere, FaceStatus } from './face.enums';

@Entity('face')
export class FaceEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text') name: string;

  @Column('text', { name: 'territory_code' }) territoryCode: string;

  /** Region of the territory, kept for the per-region counts. */
  @Column('text', { name: 'region_code' }) regionCode: string;

  @Column('text') sphere: FaceSphere;

  @Column('text', { name: 'story_kk', nullable: true }) storyKk: string | null;
  @Column('text', { name: 'story_ru', nullable: true }) storyRu: string | null;
  @Column('text', { name: 'story_en', nullable: true }) storyEn: string | null;

  /** Public label of the nominating organisation or meeting. */
  @Column('text', { name: 'nominated_by' }) nominatedBy: string;

  /** Token subject of whoever entered the nomination: audit only, never exposed. */
  @Column('text', { name: 'nominator_subject' }) nominatorSubject: string;

  @Column('text', { default: FaceStatus.NOMINATED }) status: FaceStatus;
  @Column('text', { name: 'decline_reason', nullable: true }) declineReason: string | null;
  @Column('timestamptz', { name: 'featured_at', nullable: true }) featuredAt: Date | null;
  /** The published item whose publication featured the face. */
  @Column('uuid', { name: 'featured_item_id', nullable: true }) featuredItemId: string | null;

  @Column('timestamptz', { name: 'nominated_at' }) nominatedAt: Date;
  @Column('timestamptz', { name: 'status_changed_at' }) statusChangedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
