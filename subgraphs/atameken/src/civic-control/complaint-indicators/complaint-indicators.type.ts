import { Field, Float, Int, ObjectType } from 'type-graphql';

/** Root value: computed by ComplaintIndicatorsService. */
@ObjectType({
  description:
    'Civic control indicators of a territory (with everything below it) for complaints filed between two days inclusive (Kazakhstan calendar), by their status now',
})
export class ComplaintIndicators {
  @Field({ description: 'First day of the period, YYYY-MM-DD' })
  from: string;

  @Field({ description: 'Last day of the period, YYYY-MM-DD' })
  to: string;

  @Field(() => Int, { description: 'Complaints filed in the period' })
  filed: number;

  @Field(() => Int, { description: 'Of those, still submitted, accepted or in progress' })
  open: number;

  @Field(() => Int, { description: 'Of those, resolved by state bodies' })
  resolvedByState: number;

  @Field(() => Int, { description: 'Of those, resolved by citizens themselves' })
  resolvedByCitizens: number;

  @Field(() => Int, { description: 'Of those, rejected with a reason' })
  rejected: number;

  @Field(() => Int, { description: 'Of those, closed as duplicates of another complaint' })
  duplicates: number;

  @Field(() => Int, { description: 'Of those, open and past their due day today' })
  overdue: number;

  @Field(() => Int, { description: 'Of those resolved (by either), resolved on or before their due day' })
  resolvedWithinDeadline: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Median time from filing to resolution of the resolved ones, in days (fractional, 2 decimals); null if none is resolved',
  })
  medianDaysToResolve: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'resolvedWithinDeadline / (resolvedByState + resolvedByCitizens), 0 to 1 with 4 decimals; null if none is resolved',
  })
  shareResolvedWithinDeadline: number | null;
}

@ObjectType({ description: 'One calendar month of the complaint trend of a territory' })
export class ComplaintTrendMonth {
  @Field({ description: 'YYYY-MM' })
  month: string;

  @Field(() => Int, { description: 'Complaints filed in the month' })
  filed: number;

  @Field(() => Int, { description: 'Complaints resolved by state bodies in the month (and still resolved)' })
  resolvedByState: number;

  @Field(() => Int, { description: 'Complaints resolved by citizens in the month (and still resolved)' })
  resolvedByCitizens: number;

  @Field(() => Float, { nullable: true, description: 'Median days from filing to resolution of the complaints resolved in the month' })
  medianDaysToResolve: number | null;
}
