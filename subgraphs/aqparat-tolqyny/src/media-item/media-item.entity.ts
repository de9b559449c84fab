import { Lang } from '@rz/schema';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { MediaChannel, MediaItemStatus, MediaLevel } from './media-item.enums';

@Entity('media_item')
export class MediaItemEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'plan_id' }) planId: string;

  @Column('text') channel: MediaChannel;
  @Column('text') outlet: string;
  @Column('text') level: MediaLevel;
  @Column('text') format: string;
  @Column('text', { nullable: true }) rubric: string | null;
  @Column('date', { name: 'planned_date' }) plannedDate: string;
  @Column('text') language: Lang;
  @Column('text', { default: MediaItemStatus.PLANNED }) status: MediaItemStatus;

  /** Set when PUBLISHED: where it appeared, on which day (YYYY-MM-DD) and how many people it reached. */
  @Column('text', { nullable: true }) link: string | null;
  @Column('date', { name: 'published_on', nullable: true }) publishedOn: string | null;
  @Column('integer', { nullable: true }) reach: number | null;

  @Column('text', { name: 'cancellation_reason', nullable: true }) cancellationReason: string | null;
  /** When and by whom the item was marked published or cancelled. */
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
  @Column('text', { name: 'closed_by', nullable: true }) closedBy: string | null;

  @Column('text', { name: 'created_by' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
