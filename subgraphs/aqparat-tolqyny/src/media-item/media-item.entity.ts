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

  @Column('text', { name: 'created_by' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
