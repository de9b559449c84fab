import { Connection } from '@rz/schema';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { MediaPlanStatus } from './media-plan.enums';

/** Root value: MediaPlanEntity; territory, period kind, lateness and items live in MediaPlanResolver. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Coverage a district, city or region plans for a year or a quarter, approved by the regional project office' })
export class MediaPlan {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int, { nullable: true, description: '1 to 4; null for a whole-year plan' })
  quarter: number | null;

  @Field(() => String, { description: 'Day by which the plan is due at the project office (YYYY-MM-DD)' })
  submissionDeadline: string;

  @Field(() => MediaPlanStatus)
  status: MediaPlanStatus;

  @Field(() => String, { nullable: true, description: 'Remarks of the latest review; always present on a RETURNED plan' })
  remarks: string | null;

  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Field(() => Date, { nullable: true })
  reviewedAt: Date | null;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType()
export class MediaPlanConnection extends Connection(MediaPlan) {}
