import { IsOptional, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PersonalDataRecordKind } from './personal-data-release.type';

export const REASON_MIN = 5;
export const REASON_MAX = 500;

@ArgsType()
export class RevealContactArgs {
  @Field(() => ID)
  id: string;

  @Field({ description: `Why the details are needed (${REASON_MIN} to ${REASON_MAX} characters); kept in the audit trail` })
  @MinLength(REASON_MIN)
  @MaxLength(REASON_MAX)
  reason: string;
}

@InputType()
export class PersonalDataReleaseFilter {
  @Field(() => PersonalDataRecordKind, { nullable: true }) recordKind?: PersonalDataRecordKind | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'recordId must be a UUID' })
  recordId?: string | null;

  @Field(() => String, { nullable: true }) viewerSubject?: string | null;
}
