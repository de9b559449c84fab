import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { MediaPlanStatus } from './media-plan.enums';

@Entity('media_plan')
export class MediaPlanEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** A REGION or DISTRICT level KATO unit. */
  @Column('text', { name: 'territory_code' })
  territoryCode: string;

  @Column('integer') year: number;

  /** Null: the plan covers the whole year. */
  @Column('integer', { nullable: true }) quarter: number | null;

  @Column('date', { name: 'submission_deadline' }) submissionDeadline: string;

  @Column('text', { default: MediaPlanStatus.DRAFT }) status: MediaPlanStatus;

  /** The project office's remarks from the latest review. */
  @Column('text', { nullable: true }) remarks: string | null;

  @Column('text', { name: 'created_by' }) createdBy: string;
  @Column('timestamptz', { name: 'submitted_at', nullable: true }) submittedAt: Date | null;
  @Column('timestamptz', { name: 'reviewed_at', nullable: true }) reviewedAt: Date | null;
  @Column('text', { name: 'reviewed_by', nullable: true }) reviewedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
