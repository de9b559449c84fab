import { Connection } from '@rz/schema';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum MailDeliveryStatus {
  PENDING = 'PENDING',
  SENDING = 'SENDING',
  SENT = 'SENT',
  DEAD = 'DEAD',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MailDeliveryStatus, {
  name: 'MailDeliveryStatus',
  description:
    'PENDING: queued or waiting to retry; SENDING: being sent now; SENT: the mail server accepted it; DEAD: refused for good or out of attempts; CANCELLED: the person withdrew consent or switched the kind off first',
});

@ObjectType({ description: 'A queued mail as admins see it: no address, no text' })
export class MailDelivery {
  @Field(() => ID) id: string;
  @Field(() => String, { description: 'The notification kind, or DIGEST_DAILY' }) kind: string;
  @Field(() => MailDeliveryStatus) status: MailDeliveryStatus;
  @Field(() => Int, { description: 'Attempts made so far' }) attempts: number;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed: SMTP_<reply code> or a connection error code (ECONNECTION, ETIMEDOUT, ...)' })
  lastErrorCode: string | null;
  @Field(() => Date, { description: 'When the next attempt is due (PENDING)' }) nextAttemptAt: Date;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date) updatedAt: Date;
  @Field(() => Date, { nullable: true }) sentAt: Date | null;
}

@ObjectType()
export class MailDeliveryConnection extends Connection(MailDelivery) {}

@ObjectType({ description: 'How many mails are in a state' })
export class MailDeliveryCount {
  @Field(() => MailDeliveryStatus) status: MailDeliveryStatus;
  @Field(() => Int) count: number;
}
