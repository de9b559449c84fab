import { IsCalendarDay, IsKatoCode } from '@rz/schema';
import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DistrictReportStatus } from './district-report.enums';

@InputType()
export class DistrictReportNarrativeInput {
  @Field(() => String, { nullable: true, description: 'What changed for people: results, not meetings' })
  @IsOptional()
  @MaxLength(20000)
  results?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20000)
  problems?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20000)
  nextSteps?: string | null;
}

@InputType()
export class CreateDistrictReportInput extends DistrictReportNarrativeInput {
  @Field(() => ID, { description: 'KATO code of a district or a city of regional significance' })
  @IsKatoCode()
  territory: string;

  @Field(() => String, { description: 'The period\'s last day: a second or fourth Friday (YYYY-MM-DD)' })
  @IsCalendarDay()
  periodEnd: string;
}

@InputType()
export class DistrictReportFilter {
  @Field(() => ID, { nullable: true, description: 'KATO code; includes everything below it' })
  @IsOptional()
  @IsKatoCode()
  territory?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsCalendarDay()
  periodEnd?: string;

  @Field(() => DistrictReportStatus, { nullable: true }) status?: DistrictReportStatus;
}
