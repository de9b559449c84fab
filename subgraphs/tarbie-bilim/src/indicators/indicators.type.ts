import { Field, Float, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { BaseProject, EventKind } from '../event/event.enums';

@ObjectType()
export class EventKindCount {
  @Field(() => EventKind) kind: EventKind;
  @Field(() => Int) count: number;
}

@ObjectType()
export class BaseProjectCount {
  @Field(() => BaseProject) baseProject: BaseProject;
  @Field(() => Int) count: number;
}

/** Root value: TarbieBilimIndicatorsShape (the territory field is resolved from territoryCode). */
@ObjectType({
  description:
    'Tarbie-Bilim indicators of a territory with everything below it, for one school year (1 September to 31 August, Kazakhstan time). ' +
    'Events count when they start in the year and are not CANCELLED.',
})
export class TarbieBilimIndicators {
  @Field(() => Int, { description: 'The year the school year starts in: 2026 is 2026-2027' })
  schoolYear: number;

  @Field({ description: 'e.g. "2026-2027"' })
  schoolYearLabel: string;

  @Field(() => GraphQLISODateTime, { description: 'Start of the school year (inclusive)' })
  periodStart: Date;

  @Field(() => GraphQLISODateTime, { description: 'End of the school year (exclusive)' })
  periodEnd: Date;

  @Field(() => Int, { description: 'Local history clubs with members in the year' })
  clubs: number;

  @Field(() => Int, { description: 'Members of those clubs in the year' })
  clubMembers: number;

  @Field(() => Int, { description: 'Events starting in the year, not cancelled' })
  events: number;

  @Field(() => [EventKindCount], { description: 'Every kind, zeros included' })
  eventsByKind: EventKindCount[];

  @Field(() => [BaseProjectCount], { description: 'Every base project, zeros included' })
  eventsByBaseProject: BaseProjectCount[];

  @Field(() => Int, {
    description: 'Distinct students of schools in the territory holding a CONFIRMED place at an event of the year (wherever the event takes place)',
  })
  participants: number;

  @Field(() => Int, { nullable: true, description: 'Students enrolled (entered per territory and year; a territory without its own number sums its children); null if unknown' })
  enrolledStudents: number | null;

  @Field(() => Float, { nullable: true, description: 'participants / enrolledStudents, a fraction (0.25 is a quarter); null when enrolment is unknown or zero' })
  participationShare: number | null;

  @Field(() => Int, { description: 'Excursions of the year visiting at least one monument' })
  excursionsToMonuments: number;

  @Field(() => Int, { description: 'Distinct monuments those excursions visit' })
  monumentsVisited: number;
}

export interface TarbieBilimIndicatorsShape extends TarbieBilimIndicators {
  territoryCode: string;
}
