import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One citizen's score of an implemented initiative; one row per person. */
@Entity('initiative_rating')
export class InitiativeRatingEntity {
  @PrimaryColumn('uuid', { name: 'initiative_id' })
  initiativeId: string;

  /** Personal data: only compared with the viewer, never published. */
  @PrimaryColumn('text', { name: 'rater_subject' })
  raterSubject: string;

  @Column('smallint') score: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
