import { IsCalendarDay, IsKatoCode, Lang } from '@rz/schema';
import { ArrayMaxSize, IsOptional, IsUrl, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { LocalHistoryMaterialKind } from './material.enums';

export const MAX_MATERIAL_MONUMENTS = 50;
export const MAX_AUTHORS = 20;

@InputType()
export class LocalHistoryMaterialFilter {
  @Field(() => ID, { nullable: true, description: 'KATO code; includes everything below it' })
  @IsOptional()
  @IsKatoCode()
  territory?: string;

  @Field(() => LocalHistoryMaterialKind, { nullable: true }) kind?: LocalHistoryMaterialKind;
  @Field(() => Lang, { nullable: true }) language?: Lang;

  @Field(() => ID, { nullable: true, description: 'Materials describing this monument' })
  @IsOptional()
  @IsUUID('all', { message: 'monument must be a monument id' })
  monument?: string;
}

@InputType({ description: 'A material needs a link or a file reference (or both)' })
export class CreateLocalHistoryMaterialInput {
  @Field(() => LocalHistoryMaterialKind) kind: LocalHistoryMaterialKind;

  @Field()
  @MinLength(1)
  @MaxLength(500)
  title: string;

  @Field(() => Lang) language: Lang;

  @Field(() => [String], { nullable: true, description: `At most ${MAX_AUTHORS}` })
  @IsOptional()
  @ArrayMaxSize(MAX_AUTHORS)
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  authors?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20000)
  description?: string;

  @Field(() => ID, { description: 'KATO code' })
  @IsKatoCode()
  territory: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDay()
  publishedOn?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http(s) link' })
  @MaxLength(2000)
  url?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(500)
  fileRef?: string;

  @Field(() => [ID], { nullable: true, description: `Monuments the material describes, at most ${MAX_MATERIAL_MONUMENTS}` })
  @IsOptional()
  @ArrayMaxSize(MAX_MATERIAL_MONUMENTS)
  @IsUUID('all', { each: true, message: 'monuments must hold monument ids (UUIDs)' })
  monuments?: string[];
}

@InputType({ description: 'Fields to change; omitted fields keep their value' })
export class UpdateLocalHistoryMaterialInput {
  @Field(() => LocalHistoryMaterialKind, { nullable: true }) kind?: LocalHistoryMaterialKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(500)
  title?: string;

  @Field(() => Lang, { nullable: true }) language?: Lang;

  @Field(() => [String], { nullable: true, description: 'Replaces the list' })
  @IsOptional()
  @ArrayMaxSize(MAX_AUTHORS)
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  authors?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20000)
  description?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsKatoCode()
  territory?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsCalendarDay()
  publishedOn?: string;

  @Field(() => String, { nullable: true, description: 'An empty string removes the link' })
  @ValidateIf((o: UpdateLocalHistoryMaterialInput) => !!o.url)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http(s) link' })
  @MaxLength(2000)
  url?: string;

  @Field(() => String, { nullable: true, description: 'An empty string removes the file reference' })
  @IsOptional()
  @MaxLength(500)
  fileRef?: string;

  @Field(() => [ID], { nullable: true, description: 'Replaces the whole list' })
  @IsOptional()
  @ArrayMaxSize(MAX_MATERIAL_MONUMENTS)
  @IsUUID('all', { each: true, message: 'monuments must hold monument ids (UUIDs)' })
  monuments?: string[];
}
