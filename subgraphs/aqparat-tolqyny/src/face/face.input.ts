import { IsKatoCode, IsPlainText, LocalizedTextInput } from '@rz/schema';
import { IsIn, IsInt, IsOptional, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { FaceSphere, FaceStatus } from './face.enums';

export const MAX_DECLINE_REASON = 2000;
export const MAX_SHORTLIST = 500;

@InputType()
export class FaceFilter {
  @Field(() => ID, { nullable: true, description: 'KATO code; includes everything below it' })
  @IsOptional()
  @IsKatoCode()
  territory?: string;

  @Field(() => FaceStatus, { nullable: true }) status?: FaceStatus;
  @Field(() => FaceSphere, { nullable: true }) sphere?: FaceSphere;
}

@InputType()
export class NominateFaceInput {
  @Field(() => String, { description: 'Full name of the person' })
  @MinLength(1)
  @MaxLength(200)
  @IsPlainText({ multiline: false })
  name: string;

  @Field(() => ID, { description: 'KATO code of the district, city or settlement the person is significant to' })
  @IsKatoCode()
  territory: string;

  @Field(() => FaceSphere)
  sphere: FaceSphere;

  @Field(() => LocalizedTextInput, { description: 'What the person did for the district, in at least one language' })
  @ValidateNested()
  story: LocalizedTextInput;

  @Field(() => String, { description: 'Public label of the nominating organisation or meeting, e.g. «Медеу ауданы тұрғындарымен кездесу». Never a private person.' })
  @MinLength(1)
  @MaxLength(300)
  @IsPlainText({ multiline: false })
  nominatedBy: string;
}

@ArgsType()
export class ChangeFaceStatusArgs {
  @Field(() => ID)
  id: string;

  @Field(() => FaceStatus, { description: 'SHORTLISTED, SELECTED or DECLINED; FEATURED is set only by publishing a media item' })
  to: FaceStatus;

  @Field(() => String, { nullable: true, description: 'Required when declining' })
  @IsOptional()
  @MaxLength(MAX_DECLINE_REASON)
  reason?: string | null;
}

@ArgsType()
export class FaceShortlistArgs {
  @Field(() => ID, { description: 'KATO code; ranks the nominations of it and everything below it' })
  @IsKatoCode()
  territory: string;

  @Field(() => FaceStatus, { nullable: true, description: 'NOMINATED or SHORTLISTED only; both when omitted' })
  @IsOptional()
  @IsIn([FaceStatus.NOMINATED, FaceStatus.SHORTLISTED], { message: 'status must be NOMINATED or SHORTLISTED' })
  status?: FaceStatus | null;

  @Field(() => Int, { defaultValue: 100, description: `How many places, 1 to ${MAX_SHORTLIST}` })
  @IsInt()
  @Min(1)
  @Max(MAX_SHORTLIST)
  first: number = 100;
}
