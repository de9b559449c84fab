import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MailDeliveryStatus } from './mail-delivery.type';

/** A queued mail (see the migration): no address, no body. */
@Entity('mail_delivery')
export class MailDeliveryEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'recipient_subject' }) recipientSubject: string;
  @Column('text') kind: string;
  @Column('uuid', { name: 'notification_id', nullable: true }) notificationId: string | null;
  @Column('date', { name: 'digest_day', nullable: true }) digestDay: string | null;
  @Column('text') status: MailDeliveryStatus;
  @Column('integer') attempts: number;
  @Column('timestamptz', { name: 'next_attempt_at' }) nextAttemptAt: Date;
  @Column('text', { name: 'last_error_code', nullable: true }) lastErrorCode: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt: Date | null;
}
