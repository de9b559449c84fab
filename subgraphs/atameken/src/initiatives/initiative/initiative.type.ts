import { Connection } from '@rz/schema';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { InitiativeAuthorKind, InitiativeCategory, InitiativeDirection, InitiativeKind, InitiativeStatus } from './initiative.enums';

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

  @Field(() => InitiativeAuthorKind)
  authorKind: InitiativeAuthorKind;

  @Field(() => String, { nullable: true, description: 'The proposing NGO; null when a citizen proposed it' })
  authorOrganisation: string | null;

  @Field(() => Float, { description: 'Tenge covered by the akimat\'s budget decision' })
  budgetAmount: number;

  @Field(() => String, { nullable: true, description: 'The budget decision (number, date)' })
  budgetDecision: string | null;

  @Field(() => Int, { description: 'Percentage of the work done, from the latest milestone; 100 once implemented' })
  progress: number;

  @Field(() => Date, { nullable: true, description: 'When work started (IN_PROGRESS)' })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was implemented' })
  implementedAt: Date | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType()
export class InitiativeConnection extends Connection(Initiative) {}
