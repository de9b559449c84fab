import type { NotificationKind, NotificationLanguage, NotificationParams } from '@rz/contract';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One entry of a person's inbox, kept once per source and dedupe key. */
@Entity('notification')
export class NotificationEntity {
  @PrimaryColumn('uuid') id: string;

  /** Commit order: the live feed's cursor. */
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;

  /** The producing subgraph. */
  @Column('text') source: string;

  @Column('text', { name: 'dedupe_key' }) dedupeKey: string;

  /** Token subject of the person it is for. */
  @Column('text', { name: 'recipient_subject' }) recipientSubject: string;

  @Column('text') kind: NotificationKind;

  @Column('text', { name: 'about_type' }) aboutType: string;
  @Column('text', { name: 'about_id' }) aboutId: string;

  @Column('jsonb') params: NotificationParams;

  /** The language of the request that caused it: used while the reader's request names none. */
  @Column('text', { nullable: true }) language: NotificationLanguage | null;

  @Column('timestamptz', { name: 'occurred_at' }) occurredAt: Date;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt: Date | null;
}
