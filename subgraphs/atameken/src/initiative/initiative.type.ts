import { Connection } from '@rz/schema';
import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';
import { InitiativeCategory, InitiativeDirection, InitiativeKind, InitiativeStatus } from './initiative.enums';

/**
 * Root value: InitiativeEntity; computed fields live in InitiativeResolver.
 * The author is personal data and deliberately has no field here.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A civic initiative on the map of social initiatives' })
export class Initiative {
  @Field(() => ID)
  id: string;

  @Field(() => InitiativeKind)
  kind: InitiativeKind;

  @Field(() => InitiativeDirection)
  direction: InitiativeDirection;

  @Field(() => InitiativeCategory)
  category: InitiativeCategory;

  @Field(() => Float, { description: 'Estimated cost in whole tenge' })
  estimate: number;

  @Field(() => InitiativeStatus)
  status: InitiativeStatus;

  @Field(() => String, { nullable: true, description: 'Why it was rejected or withdrawn' })
  statusReason: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType()
export class InitiativeConnection extends Connection(Initiative) {}
