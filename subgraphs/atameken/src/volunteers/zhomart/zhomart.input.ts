import { IsCalendarDay, IsKatoCode } from '@rz/schema';
import { IsInt, IsOptional, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ZhomartNomination, ZhomartPeriodKind } from './zhomart.enums';

@ArgsType()
export class ZhomartPeriodArgs {
  @Field(() => ZhomartNomination)
  nomination: ZhomartNomination;

  @Field(() => ZhomartPeriodKind)
  period: ZhomartPeriodKind;

  @Field(() => String, { nullable: true, description: 'Any day of the period, YYYY-MM-DD; today (Kazakhstan) by default' })
  @IsOptional()
  @IsCalendarDay()
  day?: string | null;

  @Field(() => Int, { defaultValue: 10, description: 'Places to return, 1 to 100' })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 10;
}

@ArgsType()
export class ZhomartRankingArgs extends ZhomartPeriodArgs {
  @Field(() => ID, { nullable: true, description: 'KATO code of a district, city or region; omit for the whole republic' })
  @IsOptional()
  @IsKatoCode()
  territory?: string | null;
}

@InputType()
export class ConfirmZhomartWinnerInput {
  @Field(() => ZhomartNomination)
  nomination: ZhomartNomination;

  @Field(() => ID, { nullable: true, description: 'KATO code of a district, city or region; omit for the republic (admins only)' })
  @IsOptional()
  @IsKatoCode()
  territory?: string | null;

  @Field(() => ZhomartPeriodKind)
  period: ZhomartPeriodKind;

  @Field({ description: 'Any day of the period, YYYY-MM-DD; the period must be over' })
  @IsCalendarDay()
  day: string;

  @Field(() => ID, { nullable: true, description: 'Ranked nominations: the candidate of a ranking entry' })
  @IsOptional()
  candidate?: string | null;

  @Field(() => String, { nullable: true, description: 'Other nominations: the person or organisation honoured (published)' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(300)
  nomineeName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  citation?: string | null;
}

@InputType()
export class ZhomartAwardFilter {
  @Field(() => ID, { nullable: true, description: 'Awards whose scope lies in this territory' })
  @IsOptional()
  @IsKatoCode()
  territory?: string | null;

  @Field(() => ZhomartNomination, { nullable: true }) nomination?: ZhomartNomination | null;

  @Field(() => Int, { nullable: true, description: 'Awards for periods starting in this year' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number | null;
}
