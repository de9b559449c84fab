import { BoundingBoxInput, IsKatoCode } from '@rz/schema';
import { IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { InitiativeCategory, InitiativeDirection, InitiativeKind, InitiativeStatus } from '../initiative/initiative.enums';

export const MAX_MAP_PAGE = 5000;

@InputType()
export class InitiativeMapFilter {
  @Field(() => BoundingBoxInput, { nullable: true, description: 'The map viewport' })
  @IsOptional()
  @ValidateNested()
  within?: BoundingBoxInput | null;

  @Field(() => ID, { nullable: true, description: 'KATO code; includes everything below it' })
  @IsOptional()
  @IsKatoCode()
  territory?: string | null;

  @Field(() => [InitiativeKind], { nullable: true, description: 'Any of these kinds' }) kinds?: InitiativeKind[] | null;
  @Field(() => [InitiativeDirection], { nullable: true, description: 'Any of these directions' }) directions?: InitiativeDirection[] | null;
  @Field(() => InitiativeCategory, { nullable: true }) category?: InitiativeCategory | null;
  @Field(() => [InitiativeStatus], { nullable: true, description: 'Any of these statuses' }) statuses?: InitiativeStatus[] | null;
}

@ArgsType()
export class InitiativeMapArgs {
  @Field(() => InitiativeMapFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: InitiativeMapFilter | null;

  @Field(() => Int, { defaultValue: 1000, description: `Points per page, 1 to ${MAX_MAP_PAGE}` })
  @IsInt()
  @Min(1)
  @Max(MAX_MAP_PAGE)
  first: number = 1000;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string | null;
}
