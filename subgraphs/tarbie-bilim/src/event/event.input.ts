import { IsKatoCode, LocalizedNameInput, LocalizedTextInput } from '@rz/schema';
import { ArrayMaxSize, IsOptional, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Field, GraphQLISODateTime, ID, InputType, Int } from 'type-graphql';
import { BaseProject, EventKind, EventStatus } from './event.enums';

export const MAX_MONUMENTS_VISITED = 50;

@InputType()
export class EventFilter {
  @Field(() => ID, { nullable: true, description: 'KATO code; includes everything below it' })
  @IsOptional()
  @IsKatoCode()
  territory?: string;

  @Field(() => EventKind, { nullable: true }) kind?: EventKind;
  @Field(() => BaseProject, { nullable: true }) baseProject?: BaseProject;
  @Field(() => EventStatus, { nullable: true }) status?: EventStatus;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Events ending at or after this moment' })
  from?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Events starting at or before this moment' })
  to?: Date;
}

@InputType()
export class CreateEventInput {
  @Field(() => EventKind) kind: EventKind;
  @Field(() => BaseProject) baseProject: BaseProject;

  @Field(() => LocalizedNameInput)
  @ValidateNested()
  title: LocalizedNameInput;

  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  description?: LocalizedTextInput;

  @Field(() => GraphQLISODateTime) startsAt: Date;
  @Field(() => GraphQLISODateTime, { description: 'Not before startsAt' }) endsAt: Date;

  @Field(() => ID, { description: 'KATO code' })
  @IsKatoCode()
  territory: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  venue?: string;

  @Field(() => Int, { nullable: true, description: '1 to 100000; omit for no limit' })
  @IsOptional()
  @Min(1)
  @Max(100_000)
  capacity?: number;

  @Field(() => Boolean, { nullable: true, description: 'Once full, further registrations join a waiting list instead of being refused (default false)' })
  @IsOptional()
  waitingList?: boolean;

  @Field({ description: 'Public name of the organising body, not a person' })
  @MinLength(1)
  @MaxLength(300)
  organiser: string;

  @Field(() => [ID], { nullable: true, description: `Monument ids in visiting order, at most ${MAX_MONUMENTS_VISITED}` })
  @IsOptional()
  @ArrayMaxSize(MAX_MONUMENTS_VISITED)
  @IsUUID('all', { each: true, message: 'monumentsVisited must hold monument ids (UUIDs)' })
  monumentsVisited?: string[];
}

@InputType({ description: 'Fields to change; omitted fields keep their value' })
export class UpdateEventInput {
  @Field(() => EventKind, { nullable: true }) kind?: EventKind;
  @Field(() => BaseProject, { nullable: true }) baseProject?: BaseProject;

  @Field(() => LocalizedNameInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  title?: LocalizedNameInput;

  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  description?: LocalizedTextInput;

  @Field(() => GraphQLISODateTime, { nullable: true }) startsAt?: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) endsAt?: Date;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsKatoCode()
  territory?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  venue?: string;

  @Field(() => Int, { nullable: true, description: 'Not below the places already confirmed; a larger capacity confirms waiting registrations in order' })
  @IsOptional()
  @Min(1)
  @Max(100_000)
  capacity?: number;

  @Field(() => Boolean, { nullable: true, description: 'Turning it off keeps the registrations already waiting' })
  @IsOptional()
  waitingList?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(300)
  organiser?: string;

  @Field(() => [ID], { nullable: true, description: 'Replaces the whole list, in visiting order' })
  @IsOptional()
  @ArrayMaxSize(MAX_MONUMENTS_VISITED)
  @IsUUID('all', { each: true, message: 'monumentsVisited must hold monument ids (UUIDs)' })
  monumentsVisited?: string[];
}
