import type { NotificationKind } from '@rz/contract';
import { Lang } from '@rz/schema';
import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { NotificationKindEnum } from '../inbox/notification.type';
import { MailMode, NotificationChannel } from './notification-settings.enums';

@InputType()
export class NotificationPreferenceInput {
  // The same enum the inbox answers with: an unknown kind is refused by validation, naming the field.
  @Field(() => NotificationKindEnum)
  kind: NotificationKind;

  @Field(() => NotificationChannel)
  channel: NotificationChannel;

  @Field()
  enabled: boolean;
}

@InputType({ description: 'Only the fields given change' })
export class UpdateNotificationSettingsInput {
  @Field(() => Lang, { nullable: true, description: 'null: follow the language of each request' })
  language?: Lang | null;

  @Field(() => String, { nullable: true, description: 'Contact e-mail; needs emailConsent: true in the same input. null deletes it' })
  @IsOptional()
  @MaxLength(254)
  email?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: consent to keep and use the e-mail for notifications; false withdraws it and deletes the address' })
  emailConsent?: boolean | null;

  @Field(() => MailMode, { nullable: true, description: 'DIGEST_DAILY is for officers (akimat officers, project offices, ministry editors, admins)' })
  mailMode?: MailMode | null;

  @Field(() => [NotificationPreferenceInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  preferences?: NotificationPreferenceInput[] | null;
}
