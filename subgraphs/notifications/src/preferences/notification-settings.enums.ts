import { registerEnumType } from 'type-graphql';

export enum NotificationChannel {
  IN_APP = 'IN_APP',
  EMAIL = 'EMAIL',
}
registerEnumType(NotificationChannel, { name: 'NotificationChannel', description: 'Where a notification reaches a person: the inbox and live feed, or e-mail' });

export enum MailMode {
  EACH = 'EACH',
  DIGEST_DAILY = 'DIGEST_DAILY',
}
registerEnumType(MailMode, {
  name: 'MailMode',
  description: 'EACH: one mail per notification; DIGEST_DAILY (officers): one mail a day listing the previous day’s notifications',
});
