import { Lang } from '@rz/schema';
import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { MailMode, NotificationChannel } from './notification-settings.enums';

@InputType()
export class NotificationPreferenceInput {
  // A string, not the enum: an unknown kind is refused with a coded error naming the field.
  @Field(() => String, { description: 'A notification kind (NotificationKind)' })
  @MaxLength(64)
  kind: string;

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
