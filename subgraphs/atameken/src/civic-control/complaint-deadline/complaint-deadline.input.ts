import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { ComplaintTopic } from '../complaint/complaint.enums';

export const MAX_DEADLINE_WORKING_DAYS = 90;

@ArgsType()
export class SetComplaintTopicDeadlineArgs {
  @Field(() => ComplaintTopic)
  topic: ComplaintTopic;

  @Field(() => Int, { nullable: true, description: `1 to ${MAX_DEADLINE_WORKING_DAYS} working days; null restores the default` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_DEADLINE_WORKING_DAYS)
  workingDays?: number | null;
}
