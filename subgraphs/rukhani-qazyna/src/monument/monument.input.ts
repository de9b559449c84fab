import { BoundingBoxInput, GeoPointInput, IsKatoCode, LocalizedNameInput, LocalizedTextInput } from '@rz/schema';
import { IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { MonumentCondition, MonumentSignificance, MonumentType } from './monument.enums';

@InputType()
export class MonumentFilter {
  @Field(() => ID, { nullable: true, description: 'KATO code; includes everything below it' })
  @IsOptional()
  @IsKatoCode()
  territory?: string;

  @Field(() => MonumentType, { nullable: true }) type?: MonumentType;
  @Field(() => MonumentSignificance, { nullable: true }) significance?: MonumentSignificance;
  @Field(() => MonumentCondition, { nullable: true }) condition?: MonumentCondition;

  @Field(() => Boolean, { nullable: true, description: 'Only monuments on (true) or off (false) the State list' })
  onStateList?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words of the name in any language (kk, ru or en); case, Kazakh letters (ә ғ қ ң ө ұ ү һ і) and accents are ignored, so "ясауи" finds "Ясауи"',
  })
  @IsOptional()
  @MaxLength(200)
  search?: string;

  @Field(() => BoundingBoxInput, { nullable: true, description: 'Only monuments with coordinates inside this map viewport' })
  @IsOptional()
  @ValidateNested()
  within?: BoundingBoxInput | null;
}

@InputType()
export class CreateMonumentInput {
  @Field(() => LocalizedNameInput)
  @ValidateNested()
  name: LocalizedNameInput;

  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  description?: LocalizedTextInput;

  @Field(() => MonumentType) type: MonumentType;
  @Field(() => MonumentSignificance) significance: MonumentSignificance;

  @Field(() => ID, { description: 'KATO code' })
  @IsKatoCode()
  territory: string;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  location?: GeoPointInput;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  period?: string;

  @Field({ defaultValue: false }) onStateList: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  unescoStatus?: string;
}

@InputType({ description: 'Fields to change; omitted fields keep their value' })
export class UpdateMonumentInput {
  @Field(() => LocalizedNameInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  name?: LocalizedNameInput;

  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  description?: LocalizedTextInput;

  @Field(() => MonumentType, { nullable: true }) type?: MonumentType;
  @Field(() => MonumentSignificance, { nullable: true }) significance?: MonumentSignificance;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsKatoCode()
  territory?: string;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  location?: GeoPointInput;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  period?: string;

  @Field({ nullable: true }) onStateList?: boolean;
}
