import { IsCalendarDay, LocalizedTextInput } from '@rz/schema';
import { IsOptional, IsUrl, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType()
export class AddMonumentPhotoInput {
  @Field(() => String, { description: 'https address of a published image' })
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'url must be an https address' })
  @MaxLength(2000)
  url: string;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Caption in kk, ru, en (up to 500 characters each)' })
  @IsOptional()
  @ValidateNested()
  caption?: LocalizedTextInput | null;

  @Field(() => String, { description: 'Attribution to publish with the photo: an organisation, or the author as they wish to be credited' })
  @MinLength(2)
  @MaxLength(200)
  credit: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  licence?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDay()
  takenOn?: string | null;
}
