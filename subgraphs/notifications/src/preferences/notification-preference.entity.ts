import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NotificationChannel } from './notification-settings.enums';

/** A switch a person changed; kinds and channels without a row are on. */
@Entity('notification_preference')
export class NotificationPreferenceEntity {
  @PrimaryColumn('text') subject: string;
  @PrimaryColumn('text') kind: string;
  @PrimaryColumn('text') channel: NotificationChannel;
  @Column('boolean') enabled: boolean;
}
