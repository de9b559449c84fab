import { GeoPoint, Lang, LocalizedText, PageArgs, pickLocalized, Territory, kato, type TerritoryNode } from '@rz/schema';
import { Role, type SubgraphContext } from '@rz/subgraph-runtime';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { MonumentEntity } from './monument.entity';
import { CreateMonumentInput, MonumentFilter, UpdateMonumentInput } from './monument.input';
import { MonumentService } from './monument.service';
import { Monument, MonumentConnection } from './monument.type';

@Resolver(() => Monument)
export class MonumentResolver {
  @Query(() => Monument, { nullable: true })
  monument(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<MonumentEntity | null> {
    return new MonumentService(ctx).byId(id);
  }

  @Query(() => MonumentConnection, { description: 'Monuments, newest first, filtered by territory (with its subtree), type, significance, condition or name' })
  monuments(
    @Arg('filter', () => MonumentFilter, { nullable: true }) filter: MonumentFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    return new MonumentService(ctx).list(filter, page);
  }

  @Authorized(Role.MINISTRY_EDITOR)
  @Mutation(() => Monument)
  createMonument(@Arg('input', () => CreateMonumentInput) input: CreateMonumentInput, @Ctx() ctx: SubgraphContext) {
    return new MonumentService(ctx).create(input);
  }

  @Authorized(Role.MINISTRY_EDITOR)
  @Mutation(() => Monument)
  updateMonument(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateMonumentInput) input: UpdateMonumentInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return new MonumentService(ctx).update(id, input);
  }

  @FieldResolver(() => String, { description: 'Name in the reader\'s language, falling back kk -> ru -> en' })
  name(@Root() m: MonumentEntity, @Arg('lang', () => Lang, { defaultValue: Lang.KK }) lang: Lang): string {
    return pickLocalized({ kk: m.nameKk, ru: m.nameRu, en: m.nameEn }, lang)!;
  }

  @FieldResolver(() => LocalizedText)
  names(@Root() m: MonumentEntity): LocalizedText {
    return { kk: m.nameKk, ru: m.nameRu, en: m.nameEn };
  }

  @FieldResolver(() => String, { nullable: true })
  description(@Root() m: MonumentEntity, @Arg('lang', () => Lang, { defaultValue: Lang.KK }) lang: Lang): string | null {
    return pickLocalized({ kk: m.descriptionKk, ru: m.descriptionRu, en: m.descriptionEn }, lang);
  }

  @FieldResolver(() => Territory)
  territory(@Root() m: MonumentEntity): TerritoryNode {
    return kato().require(m.territoryCode);
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: 'Null where no sourced coordinate exists' })
  location(@Root() m: MonumentEntity): GeoPoint | null {
    return m.lat === null || m.lon === null ? null : { lat: m.lat, lon: m.lon };
  }
}
