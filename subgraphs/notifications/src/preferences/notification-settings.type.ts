import { Lang } from '@rz/schema';
import type { NotificationKind } from '@rz/contract';
import { Field, ObjectType } from 'type-graphql';
import { NotificationKindEnum } from '../inbox/notification.type';
import { MailMode, NotificationChannel } from './notification-settings.enums';

@ObjectType({ description: 'Whether a kind of notification reaches the person on a channel' })
export class NotificationPreference {
  @Field(() => NotificationKindEnum)
  kind: NotificationKind;

  @Field(() => NotificationChannel)
  channel: NotificationChannel;

  @Field()
  enabled: boolean;
}

@ObjectType({ description: 'The signed-in person’s own notification settings; nobody else can read them' })
export class NotificationSettings {
  @Field(() => Lang, { nullable: true, description: 'Language of notifications and mails; when null, the language of the request that caused each one, else Kazakh' })
  language: Lang | null;

  @Field(() => String, { nullable: true, description: 'Contact e-mail, kept only with consent and used only for notifications' })
  email: string | null;

  @Field(() => Date, { nullable: true, description: 'When consent to keep and use the e-mail was given; null without consent' })
  emailConsentAt: Date | null;

  @Field(() => MailMode)
  mailMode: MailMode;

  @Field(() => [NotificationPreference], { description: 'Every kind on every channel' })
  preferences: NotificationPreference[];
}
