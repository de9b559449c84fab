import { Connection } from '@rz/schema';
import { Field, ID, ObjectType } from 'type-graphql';
import { ComplaintActorRole, ComplaintStatus, ComplaintTopic } from './complaint.enums';

/**
 * Root value: ComplaintEntity; computed fields live in ComplaintResolver.
 * The author is personal data and deliberately has no field here.
 */
@ObjectType({ description: 'A civic control request: a problem a citizen reports to the akimat of its territory' })
export class Complaint {
  @Field(() => ID)
  id: string;

  @Field(() => ComplaintTopic)
  topic: ComplaintTopic;

  @Field()
  text: string;

  @Field(() => ComplaintStatus)
  status: ComplaintStatus;

  @Field()
  createdAt: Date;

  @Field({ description: 'Time of the latest change' })
  updatedAt: Date;

  @Field({ description: 'Day (YYYY-MM-DD, Kazakhstan time) by which the akimat should resolve it: the working days of its topic after filing or reopening' })
  dueOn: string;

  @Field(() => Date, { nullable: true, description: 'When it was resolved; null unless resolved now' })
  resolvedAt: Date | null;
}

@ObjectType()
export class FileComplaintPayload {
  @Field(() => Complaint)
  complaint: Complaint;

  @Field(() => [Complaint], { description: 'Open complaints on the same topic within 250 m, nearest first, that may describe the same problem' })
  likelyDuplicates: Complaint[];
}

/** Root value: ComplaintStatusChangeEntity. */
@ObjectType({ description: 'One status change of a complaint: when, in which role and why (never by whom)' })
export class ComplaintStatusChange {
  @Field(() => ComplaintStatus, { nullable: true, description: 'Null for the filing itself' })
  from: ComplaintStatus | null;

  @Field(() => ComplaintStatus)
  to: ComplaintStatus;

  @Field()
  at: Date;

  @Field(() => ComplaintActorRole)
  byRole: ComplaintActorRole;

  @Field(() => String, { nullable: true, description: 'Reason or note; always present for REJECTED' })
  comment: string | null;
}

@ObjectType()
export class ComplaintConnection extends Connection(Complaint) {}
