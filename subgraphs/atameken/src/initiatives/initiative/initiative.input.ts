import { BoundingBoxInput, GeoPointInput, IsKatoCode, LocalizedNameInput, LocalizedTextInput } from '@rz/schema';
import { IsInt, IsOptional, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType } from 'type-graphql';
import { InitiativeCategory, InitiativeDirection, InitiativeKind, InitiativeStatus } from './initiative.enums';

export const ESTIMATE_MAX = 1_000_000_000_000;
export const STATUS_REASON_MAX = 2000;

@InputType()
export class InitiativeFilter {
  @Field(() => ID, { nullable: true, description: 'KATO code; includes everything below it' })
  @IsOptional()
  @IsKatoCode()
  territory?: string;

  @Field(() => InitiativeKind, { nullable: true }) kind?: InitiativeKind;
  @Field(() => InitiativeDirection, { nullable: true }) direction?: InitiativeDirection;
  @Field(() => InitiativeCategory, { nullable: true }) category?: InitiativeCategory;
  @Field(() => InitiativeStatus, { nullable: true }) status?: InitiativeStatus;

  @Field(() => BoundingBoxInput, { nullable: true, description: 'Only initiatives with a location inside this map viewport' })
  @IsOptional()
  @ValidateNested()
  within?: BoundingBoxInput | null;

  @Field(() => Boolean, { nullable: true, description: 'Only the viewer\'s own initiatives (needs sign-in)' })
  mine?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Only initiatives the akimat of exactly this territory is responsible for' })
  @IsOptional()
  @IsKatoCode()
  responsibleTerritory?: string;
}

@InputType()
export class ProposeInitiativeInput {
  @Field(() => InitiativeKind) kind: InitiativeKind;
  @Field(() => InitiativeDirection) direction: InitiativeDirection;
  @Field(() => InitiativeCategory) category: InitiativeCategory;

  @Field(() => LocalizedNameInput, { description: 'Title in at least one language' })
  @ValidateNested()
  title: LocalizedNameInput;

  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  description?: LocalizedTextInput | null;

  @Field(() => ID, { description: 'KATO code, down to the settlement' })
  @IsKatoCode()
  territory: string;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  location?: GeoPointInput | null;

  @Field(() => Float, { description: 'Estimated cost in whole tenge, 0 to 10^12' })
  @IsInt({ message: 'estimate must be a whole number of tenge' })
  @Min(0, { message: 'estimate must not be negative' })
  @Max(ESTIMATE_MAX, { message: 'estimate must be at most 10^12 tenge' })
  estimate: number;

  @Field(() => String, { nullable: true, description: 'Propose on behalf of this NGO (NGO accounts only; shown publicly); omit to propose as a citizen (never named)' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(300)
  organisation?: string | null;
}

@InputType({ description: 'Fields to change; omitted fields keep their value' })
export class UpdateInitiativeInput {
  @Field(() => InitiativeKind, { nullable: true }) kind?: InitiativeKind | null;
  @Field(() => InitiativeDirection, { nullable: true }) direction?: InitiativeDirection | null;
  @Field(() => InitiativeCategory, { nullable: true }) category?: InitiativeCategory | null;

  @Field(() => LocalizedNameInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  title?: LocalizedNameInput | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  description?: LocalizedTextInput | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsKatoCode()
  territory?: string | null;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  location?: GeoPointInput | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'estimate must be a whole number of tenge' })
  @Min(0, { message: 'estimate must not be negative' })
  @Max(ESTIMATE_MAX, { message: 'estimate must be at most 10^12 tenge' })
  estimate?: number | null;
}

@ArgsType()
export class ChangeInitiativeStatusArgs {
  @Field(() => ID)
  id: string;

  @Field(() => InitiativeStatus)
  to: InitiativeStatus;

  @Field(() => String, { nullable: true, description: 'Reason; required when rejecting' })
  @IsOptional()
  @MaxLength(STATUS_REASON_MAX)
  reason?: string | null;
}

@ArgsType()
export class RecordInitiativeBudgetArgs {
  @Field(() => ID)
  id: string;

  @Field(() => Float, { description: 'Tenge the budget covers, 0 (no budget) up to the estimate' })
  @IsInt({ message: 'amount must be a whole number of tenge' })
  @Min(0, { message: 'amount must not be negative' })
  @Max(ESTIMATE_MAX)
  amount: number;

  @Field(() => String, { nullable: true, description: 'The akimat decision granting it (number, date); required for a non-zero amount' })
  @IsOptional()
  @MaxLength(500)
  decision?: string | null;
}
