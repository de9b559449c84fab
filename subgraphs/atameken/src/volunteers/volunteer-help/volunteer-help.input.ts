import { IsCalendarDay, IsKatoCode } from '@rz/schema';
import { IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { VolunteerHelpKind } from '../volunteer/volunteer.enums';
import { VolunteerHelpStatus } from './volunteer-help.type';

@InputType()
export class RecordVolunteerHelpInput {
  @Field({ description: 'YYYY-MM-DD, today or earlier' })
  @IsCalendarDay()
  helpedOn: string;

  @Field(() => Int, { description: '1 to 1000' })
  @IsInt()
  @Min(1)
  @Max(1000)
  peopleHelped: number;

  @Field(() => VolunteerHelpKind)
  helpKind: VolunteerHelpKind;

  @Field(() => ID, { description: 'KATO code of where the help was given' })
  @IsKatoCode()
  territory: string;

  @Field(() => ID, { nullable: true, description: 'The initiative the help was part of' })
  @IsOptional()
  @IsUUID('all', { message: 'initiative must be an initiative id' })
  initiative?: string | null;

  @Field(() => ID, { nullable: true, description: 'The person helped, from the map of people in need; they may confirm it' })
  @IsOptional()
  @IsUUID('all', { message: 'personInNeed must be an id from the map of people in need' })
  personInNeed?: string | null;
}

@ArgsType()
export class RejectVolunteerHelpArgs {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Why the record is wrong' })
  @MaxLength(2000)
  reason: string;
}

@InputType()
export class VolunteerHelpFilter {
  @Field(() => ID, { nullable: true, description: 'KATO code; includes everything below it' })
  @IsOptional()
  @IsKatoCode()
  territory?: string | null;

  @Field(() => VolunteerHelpStatus, { nullable: true }) status?: VolunteerHelpStatus | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'volunteer must be a volunteer id' })
  volunteer?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'initiative must be an initiative id' })
  initiative?: string | null;
}
