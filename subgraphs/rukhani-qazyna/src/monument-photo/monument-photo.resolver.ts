import { Lang, localizedOf, pickLocalized } from '@rz/schema';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { EDITOR_ROLES } from '../access/rukhani-qazyna-access';
import type { MonumentEntity } from '../monument/monument.entity';
import { Monument } from '../monument/monument.type';
import type { MonumentPhotoEntity } from './monument-photo.entity';
import { AddMonumentPhotoInput } from './monument-photo.input';
import { MonumentPhotoService } from './monument-photo.service';
import { MonumentPhoto } from './monument-photo.type';
import type { RukhaniQazynaContext } from '../context';

@Resolver(() => MonumentPhoto)
export class MonumentPhotoResolver {
  @Authorized(...EDITOR_ROLES)
  @Mutation(() => MonumentPhoto, { description: 'Adds a published photo (Rukhani Qazyna editors, or akimat officers for monuments in their territory)' })
  addMonumentPhoto(
    @Arg('monumentId', () => ID) monumentId: string,
    @Arg('input', () => AddMonumentPhotoInput) input: AddMonumentPhotoInput,
    @Ctx() ctx: RukhaniQazynaContext,
  ): Promise<MonumentPhotoEntity> {
    return new MonumentPhotoService(ctx).add(monumentId, input);
  }

  @Authorized(...EDITOR_ROLES)
  @Mutation(() => Boolean)
  removeMonumentPhoto(@Arg('id', () => ID) id: string, @Ctx() ctx: RukhaniQazynaContext): Promise<boolean> {
    return new MonumentPhotoService(ctx).remove(id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Caption in the reader\'s language, falling back kk -> ru -> en' })
  caption(@Root() p: MonumentPhotoEntity, @Arg('lang', () => Lang, { defaultValue: Lang.KK }) lang: Lang): string | null {
    return pickLocalized(localizedOf(p, 'caption'), lang);
  }
}

@Resolver(() => Monument)
export class MonumentPhotosResolver {
  @FieldResolver(() => [MonumentPhoto], { description: 'Photos in the order they were added' })
  photos(@Root() monument: MonumentEntity, @Ctx() ctx: RukhaniQazynaContext): Promise<MonumentPhotoEntity[]> {
    return new MonumentPhotoService(ctx).forMonument(monument.id);
  }
}
