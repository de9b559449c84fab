import { IsKatoCode } from '@rz/schema';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { PHONE } from '../volunteer/volunteer.input';
import { VolunteerHelpKind } from '../volunteer/volunteer.enums';
import { PersonInNeedStatus } from './person-in-need.type';

@InputType({ description: 'How to reach a person in need: released only to verified identities, under audit' })
export class PersonInNeedContactInput {
  @Field()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be 7 to 20 digits, spaces, brackets or dashes' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(500)
  address?: string | null;
}

@InputType()
export class RegisterPersonInNeedInput {
  @Field(() => ID, { description: 'KATO code of where the person lives' })
  @IsKatoCode()
  territory: string;

  @Field(() => [VolunteerHelpKind])
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  needs: VolunteerHelpKind[];

  @Field(() => PersonInNeedContactInput, { description: 'Never shown publicly' })
  @ValidateNested()
  contact: PersonInNeedContactInput;

  @Field(() => String, { nullable: true, description: 'What is needed, in the person\'s words; never shown publicly' })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;

  @Field({ defaultValue: false, description: 'The viewer registers themselves (and will confirm help given to them)' })
  self: boolean;
}

@InputType()
export class PersonInNeedFilter {
  @Field(() => ID, { nullable: true, description: 'KATO code; includes everything below it' })
  @IsOptional()
  @IsKatoCode()
  territory?: string | null;

  @Field(() => VolunteerHelpKind, { nullable: true }) need?: VolunteerHelpKind | null;
  @Field(() => PersonInNeedStatus, { nullable: true }) status?: PersonInNeedStatus | null;
}
