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
