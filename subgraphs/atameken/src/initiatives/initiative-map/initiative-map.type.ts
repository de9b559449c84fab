import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '@rz/schema';
import { InitiativeCategory, InitiativeDirection, InitiativeKind, InitiativeStatus } from '../initiative/initiative.enums';

/** Root value: an InitiativeMapRow (a few columns, not the whole initiative). */
@ObjectType({ description: 'What a map needs to draw one initiative; fetch the Initiative by id for the rest' })
export class InitiativeMapPoint {
  @Field(() => ID)
  id: string;

  @Field(() => Float)
  lat: number;

  @Field(() => Float)
  lon: number;

  @Field(() => InitiativeStatus)
  status: InitiativeStatus;

  @Field(() => InitiativeKind)
  kind: InitiativeKind;

  @Field(() => InitiativeDirection)
  direction: InitiativeDirection;

  @Field(() => InitiativeCategory)
  category: InitiativeCategory;
}

@ObjectType({ description: 'A page of map points, newest first' })
export class InitiativeMapPage {
  @Field(() => [InitiativeMapPoint])
  points: InitiativeMapPoint[];

  @Field(() => Int, { description: 'Points matching the filter, across all pages' })
  totalCount: number;

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
