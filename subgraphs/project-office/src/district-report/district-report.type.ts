import { Connection, Territory } from '@rz/schema';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DistrictReportStatus } from './district-report.enums';

/** Root value: DistrictReportEntity; territory, due date and lateness live in DistrictReportResolver. */
@ObjectType({ description: 'A district\'s (or a city\'s without districts) report to its regional project office for one period' })
export class DistrictReport {
  @Field(() => ID) id: string;
  @Field(() => String, { description: 'First day of the period (YYYY-MM-DD)' }) periodStart: string;
  @Field(() => String, { description: 'Last day of the period: a second or fourth Friday' }) periodEnd: string;
  @Field(() => DistrictReportStatus) status: DistrictReportStatus;
  @Field(() => String, { nullable: true, description: 'What changed for people in the period: results, not meetings' }) results: string | null;
  @Field(() => String, { nullable: true }) problems: string | null;
  @Field(() => String, { nullable: true }) nextSteps: string | null;
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'The territory\'s figures from the four subprogrammes as the gateway gave them at the last submission, never recomputed; null while DRAFT',
  })
  snapshot: Record<string, unknown> | null;
  @Field(() => Date, { nullable: true }) snapshotAt: Date | null;
  @Field(() => String, { nullable: true, description: 'The project office\'s remarks of the latest review; always present on a RETURNED report' }) remarks: string | null;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field(() => Date, { nullable: true }) reviewedAt: Date | null;
  @Field(() => Date) createdAt: Date;
}

@ObjectType()
export class DistrictReportConnection extends Connection(DistrictReport) {}

@ObjectType({ description: 'A district whose report for a period is past due and not submitted' })
export class LateDistrictReport {
  @Field(() => Territory) territory: unknown;
  @Field(() => String) periodEnd: string;
  @Field(() => String) dueOn: string;
  @Field(() => Int) daysOverdue: number;
  @Field(() => DistrictReport, { nullable: true, description: 'The DRAFT or RETURNED report, if one was started' }) report: unknown;
}
