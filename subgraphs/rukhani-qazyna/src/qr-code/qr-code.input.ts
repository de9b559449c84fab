import { IsCalendarDay } from '@rz/schema';
import { MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType()
export class MarkQrCodeInstalledInput {
  @Field(() => String, { description: 'Day the code was placed on site (YYYY-MM-DD), not in the future' })
  @IsCalendarDay()
  placedOn: string;

  @Field(() => String, { description: 'Who installed it: an organisation or role (e.g. "Akimat of Turkistan"), not a person\'s name' })
  @MinLength(2)
  @MaxLength(200)
  installedBy: string;
}
