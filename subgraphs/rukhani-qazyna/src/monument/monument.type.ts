import { Connection } from '@rz/schema';
import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';
import { MonumentCondition, MonumentSignificance, MonumentType } from './monument.enums';

/** Root value: MonumentEntity; computed fields live in MonumentResolver. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A monument of history and culture' })
export class Monument {
  @Field(() => ID)
  id: string;

  @Field(() => MonumentType)
  type: MonumentType;

  @Field(() => MonumentSignificance, { nullable: true, description: 'Null where no source establishes it' })
  significance: MonumentSignificance | null;

  @Field(() => String, { nullable: true })
  period: string | null;

  @Field(() => MonumentCondition, { nullable: true, description: 'Latest assessed condition; null if never assessed' })
  condition: MonumentCondition | null;

  @Field(() => String, { nullable: true, description: 'Date of the latest condition assessment (YYYY-MM-DD)' })
  conditionAssessedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Who made the latest assessment: a role or organisation, never a person' })
  conditionAssessedBy: string | null;

  @Field({ description: 'Included in the State list of monuments' })
  onStateList: boolean;

  @Field(() => String, { nullable: true, description: 'UNESCO status, e.g. "World Heritage 2003" or a Tentative List entry' })
  unescoStatus: string | null;

  @Field(() => String, { nullable: true, description: 'Sources of the record' })
  sources: string | null;
}

@ObjectType()
export class MonumentConnection extends Connection(Monument) {}

@ObjectType({ description: 'A monument and its great-circle distance from the point asked about' })
export class MonumentNearby {
  @Field(() => Monument)
  monument: Monument;

  @Field(() => Float, { description: 'Kilometres' })
  distanceKm: number;
}
