import { IsKatoCode } from '@rz/schema';
import { IsInt, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MAX_SCHOOL_YEAR, MIN_SCHOOL_YEAR } from '../indicators/school-year';

export const MAX_ENROLMENT = 10_000_000;

@InputType({ description: 'Entering a territory and year again replaces its number' })
export class SchoolEnrolmentInput {
  @Field(() => ID, { description: 'KATO code' })
  @IsKatoCode()
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
