import { Connection, Lang } from '@rz/schema';
import { Directive, Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { LocalHistoryMaterialKind } from './material.enums';

/** Root value: LocalHistoryMaterialEntity; computed fields live in MaterialResolver. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A local history (olketanu) material: a book, article, school stand, video, archive document or school museum exhibit' })
export class LocalHistoryMaterial {
  @Field(() => ID)
  id: string;

  @Field(() => LocalHistoryMaterialKind)
  kind: LocalHistoryMaterialKind;

  @Field({ description: 'Title in the material\'s own language' })
  title: string;

  @Field(() => Lang, { description: 'Language of the material' })
  language: Lang;

  @Field(() => [String], { description: 'Authors as published on the material' })
  authors: string[];

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'Publication date (YYYY-MM-DD)' })
  publishedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Link to the material' })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'Reference of a file in the document store' })
  fileRef: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}

@ObjectType()
export class LocalHistoryMaterialConnection extends Connection(LocalHistoryMaterial) {}
