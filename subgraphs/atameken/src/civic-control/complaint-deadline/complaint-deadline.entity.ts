import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ComplaintTopic } from '../complaint/complaint.enums';

/** A deadline other than the default for complaints on one topic. */
@Entity('complaint_topic_deadline')
export class ComplaintTopicDeadlineEntity {
  @PrimaryColumn('text')
  topic: ComplaintTopic;

  @Column('integer', { name: 'working_days' })
  workingDays: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
