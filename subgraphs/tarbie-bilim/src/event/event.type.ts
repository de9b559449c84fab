import { Connection } from '@rz/schema';
import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { BaseProject, EventKind, EventStatus } from './event.enums';

/** Root value: EventEntity; computed fields live in EventResolver. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A single dated Tarbie-Bilim action: an olympiad, excursion, rally, conference, ...' })
export class Event {
  @Field(() => ID)
  id: string;

  @Field(() => EventKind)
  kind: EventKind;

  @Field(() => BaseProject)
  baseProject: BaseProject;

  @Field(() => EventStatus)
  status: EventStatus;

  @Field(() => GraphQLISODateTime)
  startsAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'Not before startsAt' })
  endsAt: Date;

  @Field(() => String, { nullable: true, description: 'Where it takes place, e.g. a school, museum or "online"' })
  venue: string | null;

  @Field(() => Int, { nullable: true, description: 'Maximum number of participants; null for no limit' })
  capacity: number | null;

  @Field({ description: 'Whether registrations beyond capacity join a waiting list instead of being refused' })
  waitingList: boolean;

  @Field({ description: 'Public name of the organising body' })
  organiser: string;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}

@ObjectType()
export class EventConnection extends Connection(Event) {}
