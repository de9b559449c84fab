import { ReviewedRecordColumns } from '@rz/subgraph-runtime';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { MediaPlanStatus } from './media-plan.enums';

@Entity('media_plan')
/** Remarks, submission and review columns come from ReviewedRecordColumns (the project office reviews plans). */
export class MediaPlanEntity extends ReviewedRecordColumns {
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
}
