import { Column, Entity, PrimaryColumn } from 'typeorm';
import { MonumentCondition } from '../monument/monument.enums';

/** One assessment of a monument's condition; the latest (by day, then recording order) is its current condition. */
@Entity('monument_condition_assessment')
export class MonumentConditionAssessmentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'monument_id' })
  monumentId: string;

  @Column('text') condition: MonumentCondition;
  @Column('date', { name: 'assessed_on' }) assessedOn: string;

  /** Public label: a role or organisation (e.g. "Turkistan Region Culture Department"). Null on rows carried over from before the history. */
  @Column('text', { name: 'assessed_by', nullable: true })
  assessedBy: string | null;

  /** Audit trail of who recorded it; never published. */
  @Column('text', { name: 'assessor_subject', nullable: true })
  assessorSubject: string | null;

  @Column('text', { nullable: true }) note: string | null;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}
