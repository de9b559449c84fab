import { IsInt, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MAX_SCHOOL_YEAR, MIN_SCHOOL_YEAR } from '../indicators/school-year';

export const MAX_ENROLMENT = 10_000_000;

@InputType({ description: 'Entering a territory and year again replaces its number' })
export class SchoolEnrolmentInput {
  @Field(() => ID, { description: 'KATO code' })
  @Matches(/^\d{9}$/, { message: 'territory must be a 9-digit KATO code' })
  territory: string;

  @Field(() => Int, { description: 'The year the school year starts in: 2026 is 2026-2027' })
  @IsInt()
  @Min(MIN_SCHOOL_YEAR)
  @Max(MAX_SCHOOL_YEAR)
  schoolYear: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_ENROLMENT)
  students: number;
}
