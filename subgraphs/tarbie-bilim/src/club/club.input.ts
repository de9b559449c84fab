import { IsKatoCode } from '@rz/schema';
import { IsInt, IsOptional, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MAX_SCHOOL_YEAR, MIN_SCHOOL_YEAR } from '../indicators/school-year';

export const MAX_CLUB_MEMBERS = 10_000;

@InputType()
export class LocalHistoryClubFilter {
  @Field(() => ID, { nullable: true, description: 'KATO code; includes everything below it' })
  @IsOptional()
  @IsKatoCode()
  territory?: string;

  @Field(() => Int, { nullable: true, description: 'Only clubs with members recorded in this school year (the year it starts in)' })
  @IsOptional()
  @Min(MIN_SCHOOL_YEAR)
  @Max(MAX_SCHOOL_YEAR)
  activeIn?: number;
}

@InputType()
export class CreateLocalHistoryClubInput {
  @Field()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @Field()
  @MinLength(1)
  @MaxLength(300)
  school: string;

  @Field(() => ID, { description: 'KATO code of the school\'s territory' })
  @IsKatoCode()
  territory: string;

  @Field({ description: 'The teacher leading the club' })
  @MinLength(1)
  @MaxLength(200)
  leader: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1900)
  @Max(2100)
  foundedYear?: number;
}

@InputType({ description: 'Fields to change; omitted fields keep their value' })
export class UpdateLocalHistoryClubInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(300)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(300)
  school?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsKatoCode()
  territory?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  leader?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1900)
  @Max(2100)
  foundedYear?: number;
}

@InputType({ description: 'Members of a club in one school year; recording a year again replaces its number' })
export class LocalHistoryClubMembersInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'club must be a club id' })
  club: string;

  @Field(() => Int, { description: 'The year the school year starts in: 2026 is 2026-2027' })
  @IsInt()
  @Min(MIN_SCHOOL_YEAR)
  @Max(MAX_SCHOOL_YEAR)
  schoolYear: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_CLUB_MEMBERS)
  members: number;
}
