import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

const KATO = /^\d{9}$/;

@InputType()
export class AssignAkimatOfficerInput {
  @Field({ description: 'Token subject of the official' })
  @MinLength(1)
  @MaxLength(200)
  officerSubject: string;

  @Field(() => ID, { description: 'KATO code of the akimat the official works for' })
  @Matches(KATO, { message: 'territory must be a 9-digit KATO code' })
  territory: string;
}

@InputType()
export class AkimatOfficerFilter {
  @Field(() => ID, { nullable: true, description: 'KATO code; includes everything below it' })
  @IsOptional()
  @Matches(KATO, { message: 'territory must be a 9-digit KATO code' })
  territory?: string;
}
