import { Field, ID, ObjectType } from 'type-graphql';
import { MonumentCondition } from '../monument/monument.enums';

/** Root value: MonumentConditionAssessmentEntity (the assessor's identity is not a field). */
@ObjectType({ description: 'One assessment of a monument\'s condition' })
export class MonumentConditionAssessment {
  @Field(() => ID)
  id: string;

  @Field(() => MonumentCondition)
  condition: MonumentCondition;

  @Field(() => String, { description: 'Day of the assessment (YYYY-MM-DD)' })
  assessedOn: string;

  @Field(() => String, { nullable: true, description: 'Role or organisation that assessed it; null for records made before the history was kept' })
  assessedBy: string | null;

  @Field(() => String, { nullable: true, description: 'Public remark on the findings' })
  note: string | null;
}
