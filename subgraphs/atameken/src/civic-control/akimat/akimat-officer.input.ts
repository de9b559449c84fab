import { IsKatoCode } from '@rz/schema';
import { IsOptional, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class AssignAkimatOfficerInput {
  @Field({ description: 'Token subject of the official' })
  @MinLength(1)
  @MaxLength(200)
  officerSubject: string;

  @Field(() => ID, { description: 'KATO code of the akimat the official works for' })
  @IsKatoCode()
  territory: string;

  @Field(() => String, { nullable: true, description: 'Name staff see in complaint histories (never published)' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string | null;
}

@InputType()
export class AkimatOfficerFilter {
  @Field(() => ID, { nullable: true, description: 'KATO code; includes everything below it' })
  @IsOptional()
  @IsKatoCode()
  territory?: string;
}
