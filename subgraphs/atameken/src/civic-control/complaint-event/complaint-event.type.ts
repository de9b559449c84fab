import { Field, ObjectType } from 'type-graphql';
import { ComplaintActorRole, ComplaintStatus } from '../complaint/complaint.enums';

/** Root value: ComplaintEvent from the stream; `complaint`, `comment` and `cursor` are resolved in ComplaintEventResolver. */
@ObjectType({ description: 'A status change of a complaint, as it happened' })
export class ComplaintStatusEvent {
  @Field(() => ComplaintStatus, { nullable: true, description: 'Null when the complaint was just filed' })
  from: ComplaintStatus | null;

  @Field(() => ComplaintStatus)
  to: ComplaintStatus;

  @Field()
  at: Date;

  @Field(() => ComplaintActorRole, { description: 'The role that made the change (never the person)' })
  by: ComplaintActorRole;

  // `comment` is resolved in ComplaintEventResolver: who may read it depends on who wrote it.
}
