import type { NotificationLanguage } from '@rz/contract';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { MailMode } from './notification-settings.enums';

/** A person's notification settings, by token subject. The address is personal data: only its owner ever reads it back. */
@Entity('notification_profile')
export class NotificationProfileEntity {
  @PrimaryColumn('text') subject: string;

  @Column('text', { nullable: true }) language: NotificationLanguage | null;

  /** Kept only while consent is given (a table check says so too). */
  @Column('text', { nullable: true }) email: string | null;

  @Column('timestamptz', { name: 'email_consent_at', nullable: true }) emailConsentAt: Date | null;

  @Column('text', { name: 'mail_mode' }) mailMode: MailMode;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
