import { GeoPointInput, IsCalendarDay, IsKatoCode } from '@rz/schema';
import { ArrayMaxSize, IsOptional, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { MAX_EVIDENCE } from '../complaint-evidence/complaint-evidence.service';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ComplaintStatus, ComplaintTopic } from './complaint.enums';

export const COMPLAINT_TEXT_MIN = 10;
export const COMPLAINT_TEXT_MAX = 5000;
export const STATUS_COMMENT_MAX = 2000;

@InputType()
export class ComplaintFilter {
  @Field(() => ID, { nullable: true, description: 'KATO code; includes everything below it' })
  @IsOptional()
  @IsKatoCode()
  territory?: string;

  @Field(() => ComplaintTopic, { nullable: true }) topic?: ComplaintTopic;
  @Field(() => ComplaintStatus, { nullable: true }) status?: ComplaintStatus;

  @Field(() => Boolean, { nullable: true, description: 'Only the viewer\'s own complaints (needs sign-in)' })
  mine?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Only complaints routed to the akimat of exactly this territory' })
  @IsOptional()
  @IsKatoCode()
  responsibleTerritory?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: only open complaints past their due day; false: all others' })
  overdue?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Only complaints about this monument' })
  @IsOptional()
  @IsUUID('all', { message: 'monument must be a monument id (UUID)' })
  monument?: string;

  @Field(() => [ComplaintStatus], { nullable: true, description: 'Any of these statuses' })
  @IsOptional()
  @ArrayMaxSize(10)
  statuses?: ComplaintStatus[];

  @Field(() => String, { nullable: true, description: 'Filed on or after this day (YYYY-MM-DD, Kazakhstan time)' })
  @IsOptional()
  @IsCalendarDay()
  filedFrom?: string;

  @Field(() => String, { nullable: true, description: 'Filed on or before this day (YYYY-MM-DD, Kazakhstan time)' })
  @IsOptional()
  @IsCalendarDay()
  filedTo?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only complaints assigned to the viewer (the officer who took them on); needs sign-in' })
  assignedToMe?: boolean | null;
}

@InputType()
export class FileComplaintInput {
  @Field(() => ComplaintTopic)
  topic: ComplaintTopic;

  @Field({ description: `What is wrong, ${COMPLAINT_TEXT_MIN} to ${COMPLAINT_TEXT_MAX} characters` })
  @MinLength(COMPLAINT_TEXT_MIN, { message: `text must be at least ${COMPLAINT_TEXT_MIN} characters` })
  @MaxLength(COMPLAINT_TEXT_MAX, { message: `text must be at most ${COMPLAINT_TEXT_MAX} characters` })
  text: string;

  @Field(() => ID, { description: 'KATO code of the place, as precise as known' })
  @IsKatoCode()
  territory: string;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  location?: GeoPointInput | null;

  @Field(() => ID, { nullable: true, description: 'The damaged monument, for MONUMENT_DAMAGE' })
  @IsOptional()
  @IsUUID('all', { message: 'monument must be a monument id (UUID)' })
  monument?: string | null;

  @Field(() => [ID], {
    defaultValue: [],
    description: `Evidence ids from the gateway's upload endpoint, 1 to ${MAX_EVIDENCE}; at least one is required`,
  })
  @ArrayMaxSize(MAX_EVIDENCE, { message: `attach at most ${MAX_EVIDENCE} files` })
  evidence: string[];
}

@ArgsType()
export class ChangeComplaintStatusArgs {
  @Field(() => ID)
  id: string;

  @Field(() => ComplaintStatus)
  to: ComplaintStatus;

  @Field(() => String, { nullable: true, description: 'Reason; required when rejecting' })
  @IsOptional()
  @MaxLength(STATUS_COMMENT_MAX)
  comment?: string | null;

  @Field(() => ID, { nullable: true, description: 'The original complaint; required when marking as DUPLICATE' })
  duplicateOf?: string | null;
}

@ArgsType()
export class ReopenComplaintArgs {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Why the problem is not solved' })
  @MaxLength(STATUS_COMMENT_MAX)
  reason: string;
}
