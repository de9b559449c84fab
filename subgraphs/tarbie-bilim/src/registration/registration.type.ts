import { Connection } from '@rz/schema';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { EventParticipantKind, EventRegistrationStatus } from './registration.enums';

/**
 * Root value: EventRegistrationEntity. Reachable only by the participant and the
 * event's organisers; who the participant is (token subject) has no field.
 */
@ObjectType({ description: 'A registration for an event: visible to the participant and the event\'s organisers only' })
export class EventRegistration {
  @Field(() => ID)
  id: string;

  @Field(() => EventRegistrationStatus)
  status: EventRegistrationStatus;

  @Field(() => EventParticipantKind)
  participantKind: EventParticipantKind;

  @Field(() => Int, { nullable: true, description: 'Grade of a student (1 to 12); null for teachers' })
  grade: number | null;

  @Field({ description: 'School of the participant' })
  school: string;

  @Field(() => GraphQLISODateTime, { description: 'Order of the waiting list' })
  registeredAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the place was confirmed: at registration, or on promotion from the waiting list' })
  confirmedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  cancelledAt: Date | null;
}

@ObjectType()
export class EventRegistrationConnection extends Connection(EventRegistration) {}
