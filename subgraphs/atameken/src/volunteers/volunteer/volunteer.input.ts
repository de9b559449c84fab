import { IsKatoCode } from '@rz/schema';
import { ArrayMaxSize, ArrayMinSize, IsEmail, IsOptional, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { VolunteerHelpKind, VolunteerWeekday } from './volunteer.enums';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const PHONE = /^\+?[0-9 ()-]{7,20}$/;

@InputType({ description: 'How to reach a person: released only to verified identities, under audit' })
export class ContactInput {
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
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(200)
  email?: string | null;
}

@InputType()
export class VolunteerProfileInput {
  @Field(() => [VolunteerHelpKind])
  @ArrayMinSize(1, { message: 'offer at least one kind of help' })
  @ArrayMaxSize(5)
  helpKinds: VolunteerHelpKind[];

  @Field(() => [VolunteerWeekday])
  @ArrayMinSize(1, { message: 'give at least one day' })
  @ArrayMaxSize(7)
  availableDays: VolunteerWeekday[];

  @Field({ description: 'HH:MM, local time' })
  @Matches(HH_MM, { message: 'availableFrom must be HH:MM' })
  availableFrom: string;

  @Field({ description: 'HH:MM, local time, after availableFrom' })
  @Matches(HH_MM, { message: 'availableTo must be HH:MM' })
  availableTo: string;

  @Field(() => ID, { description: 'KATO code of where the volunteer helps' })
  @IsKatoCode()
  territory: string;

  @Field()
  hasCar: boolean;

  @Field(() => ContactInput, { description: 'Never shown publicly' })
  @ValidateNested()
  contact: ContactInput;
}

@InputType()
export class VolunteerFilter {
  @Field(() => ID, { nullable: true, description: 'KATO code; includes everything below it' })
  @IsOptional()
  @IsKatoCode()
  territory?: string | null;

  @Field(() => VolunteerHelpKind, { nullable: true }) helpKind?: VolunteerHelpKind | null;
  @Field(() => Boolean, { nullable: true }) hasCar?: boolean | null;
  @Field(() => VolunteerWeekday, { nullable: true, description: 'Available on this day' }) availableOn?: VolunteerWeekday | null;
}
