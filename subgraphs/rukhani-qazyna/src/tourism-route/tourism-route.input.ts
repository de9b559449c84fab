import { GeoPointInput, IsKatoCode, LocalizedNameInput, LocalizedTextInput } from '@rz/schema';
import { ArrayMaxSize, IsEmail, IsOptional, IsPositive, IsUrl, Matches, Max, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { TourismRouteStatus, TourismRouteType } from './tourism-route.enums';

export const MAX_STOPS = 100;

@InputType()
export class TourismRouteFilter {
  @Field(() => ID, { nullable: true, description: 'KATO code: routes with a stop in this territory or below it' })
  @IsOptional()
  @IsKatoCode()
  territory?: string;

  @Field(() => TourismRouteType, { nullable: true }) type?: TourismRouteType;

  @Field(() => TourismRouteStatus, { defaultValue: TourismRouteStatus.PUBLISHED, description: 'DRAFT lists the drafts the viewer may edit' })
  status: TourismRouteStatus = TourismRouteStatus.PUBLISHED;

  @Field(() => ID, { nullable: true, description: 'Routes that stop at this monument' })
  @IsOptional()
  monumentId?: string;
}

@InputType()
export class TourOperatorContactInput {
  @Field(() => String)
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 ()-]{4,24}$/, { message: 'phone must be digits, spaces, brackets or dashes, optionally starting with +' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  website?: string | null;
}

@InputType({ description: 'A monument (monumentId, optionally with its own name or point) or a named point (name, location and territory)' })
export class TourismRouteStopInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  monumentId?: string | null;

  @Field(() => LocalizedNameInput, { nullable: true, description: 'Required for a named point; for a monument, a label instead of its name' })
  @IsOptional()
  @ValidateNested()
  name?: LocalizedNameInput | null;

  @Field(() => GeoPointInput, { nullable: true, description: 'Required for a named point, and for a monument without coordinates' })
  @IsOptional()
  @ValidateNested()
  location?: GeoPointInput | null;

  @Field(() => ID, { nullable: true, description: 'KATO code of a named point; a monument stop lies in the monument\'s territory' })
  @IsOptional()
  @IsKatoCode()
  territory?: string | null;
}

@InputType()
export class CreateTourismRouteInput {
  @Field(() => LocalizedNameInput)
  @ValidateNested()
  name: LocalizedNameInput;

  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  description?: LocalizedTextInput | null;

  @Field(() => TourismRouteType)
  type: TourismRouteType;

  @Field(() => ID, { nullable: true, description: 'KATO code of the akimat keeping the route (required for akimat officers); omit for a republican route' })
  @IsOptional()
  @IsKatoCode()
  territory?: string | null;

  @Field(() => Float, { nullable: true, description: 'Planned duration in hours' })
  @IsOptional()
  @IsPositive()
  @Max(2000)
  durationHours?: number | null;

  @Field(() => [TourOperatorContactInput], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  tourOperators: TourOperatorContactInput[];

  @Field(() => [TourismRouteStopInput], { defaultValue: [], description: `Stops in order, at most ${MAX_STOPS}` })
  @ArrayMaxSize(MAX_STOPS)
  @ValidateNested({ each: true })
  stops: TourismRouteStopInput[];
}

@InputType({ description: 'Fields to change; omitted fields keep their value. Stops change with setTourismRouteStops and reorderTourismRouteStops' })
export class UpdateTourismRouteInput {
  @Field(() => LocalizedNameInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  name?: LocalizedNameInput | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  description?: LocalizedTextInput | null;

  @Field(() => TourismRouteType, { nullable: true })
  type?: TourismRouteType | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsPositive()
  @Max(2000)
  durationHours?: number | null;

  @Field(() => [TourOperatorContactInput], { nullable: true, description: 'Replaces the list' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  tourOperators?: TourOperatorContactInput[] | null;
}
