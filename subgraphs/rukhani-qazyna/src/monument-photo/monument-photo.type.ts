import { Field, ID, ObjectType } from 'type-graphql';

/** Root value: MonumentPhotoEntity. */
@ObjectType({ description: 'A published photo of a monument' })
export class MonumentPhoto {
  @Field(() => ID) id: string;
  @Field(() => String, { description: 'https address of the image' }) url: string;
  @Field(() => String, { description: 'Attribution to show with the photo' }) credit: string;
  @Field(() => String, { nullable: true, description: 'Licence, e.g. CC BY-SA 4.0' }) licence: string | null;
  @Field(() => String, { nullable: true, description: 'Day the photo was taken (YYYY-MM-DD)' }) takenOn: string | null;
}
