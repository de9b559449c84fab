import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { BaseProject, EventKind, EventStatus } from './event.enums';

@Entity('event')
export class EventEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text') kind: EventKind;
  @Column('text', { name: 'base_project' }) baseProject: BaseProject;

  @Column('text', { name: 'title_kk', nullable: true }) titleKk: string | null;
  @Column('text', { name: 'title_ru', nullable: true }) titleRu: string | null;
  @Column('text', { name: 'title_en', nullable: true }) titleEn: string | null;
  @Column('text', { name: 'description_kk', nullable: true }) descriptionKk: string | null;
  @Column('text', { name: 'description_ru', nullable: true }) descriptionRu: string | null;
  @Column('text', { name: 'description_en', nullable: true }) descriptionEn: string | null;

  @Column('timestamptz', { name: 'starts_at' }) startsAt: Date;
  @Column('timestamptz', { name: 'ends_at' }) endsAt: Date;

  @Column('text', { name: 'territory_code' })
  territoryCode: string;

  @Column('text', { nullable: true }) venue: string | null;
  /** Null: no limit (e.g. webinars). */
  @Column('integer', { nullable: true }) capacity: number | null;
  /** Whether registrations beyond capacity join a waiting list instead of being refused. */
  @Column('boolean', { name: 'waiting_list', default: false }) waitingList: boolean;
  /** Kept in step with event_registration under the event's row lock; CHECK: never above capacity. */
  @Column('integer', { name: 'confirmed_count', default: 0 }) confirmedCount: number;
  @Column('integer', { name: 'waiting_count', default: 0 }) waitingCount: number;
  @Column('text', { default: EventStatus.PLANNED }) status: EventStatus;
  /** Public name of the organising body; never a person. */
  @Column('text') organiser: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
