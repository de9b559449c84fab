import { GeoPoint, GeoPointInput, Lang, localizedOf, LocalizedText, PageArgs, pickLocalized, Territory, kato, type TerritoryNode } from '@rz/schema';
import { Role } from '@rz/subgraph-runtime';
import { Arg, Args, Authorized, Ctx, Float, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { monumentPageUrl } from '../public-links/public-links';
import type { MonumentEntity } from './monument.entity';
import { CreateMonumentInput, MonumentFilter, UpdateMonumentInput } from './monument.input';
import { MonumentService, NEAREST_MAX_COUNT, NEAREST_MAX_RADIUS_KM, type MonumentNearby as Nearby } from './monument.service';
import { Monument, MonumentConnection, MonumentNearby } from './monument.type';
import type { RukhaniQazynaContext } from '../context';

@Resolver(() => Monument)
export class MonumentResolver {
  @Query(() => Monument, { nullable: true })
  monument(@Arg('id', () => ID) id: string, @Ctx() ctx: RukhaniQazynaContext): Promise<MonumentEntity | null> {
    return new MonumentService(ctx).byId(id);
  }

  @Query(() => MonumentConnection, { description: 'Monuments, newest first, filtered by territory (with its subtree), type, significance, condition or name' })
  monuments(
    @Arg('filter', () => MonumentFilter, { nullable: true }) filter: MonumentFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: RukhaniQazynaContext,
  ) {
    return new MonumentService(ctx).list(filter, page);
  }

  @Query(() => [MonumentNearby], {
    description: `Monuments with coordinates nearest to a point (great-circle distance), within radiusKm (at most ${NEAREST_MAX_RADIUS_KM}); first is 1 to ${NEAREST_MAX_COUNT}`,
  })
  nearestMonuments(
    @Arg('point', () => GeoPointInput) point: GeoPointInput,
    @Arg('radiusKm', () => Float, { defaultValue: 50 }) radiusKm: number,
    @Arg('first', () => Int, { defaultValue: 10, description: `1 to ${NEAREST_MAX_COUNT}` }) first: number,
    @Arg('filter', () => MonumentFilter, { nullable: true }) filter: MonumentFilter | null | undefined,
    @Ctx() ctx: RukhaniQazynaContext,
  ): Promise<Nearby[]> {
    return new MonumentService(ctx).nearest(point, radiusKm, first, filter);
  }

  @Authorized(Role.MINISTRY_EDITOR)
  @Mutation(() => Monument)
  createMonument(@Arg('input', () => CreateMonumentInput) input: CreateMonumentInput, @Ctx() ctx: RukhaniQazynaContext) {
    return new MonumentService(ctx).create(input);
  }

  @Authorized(Role.MINISTRY_EDITOR)
  @Mutation(() => Monument)
  updateMonument(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateMonumentInput) input: UpdateMonumentInput,
    @Ctx() ctx: RukhaniQazynaContext,
  ) {
    return new MonumentService(ctx).update(id, input);
  }

  @FieldResolver(() => String, { description: 'Name in the reader\'s language, falling back kk -> ru -> en' })
  name(@Root() m: MonumentEntity, @Arg('lang', () => Lang, { defaultValue: Lang.KK }) lang: Lang): string {
    return pickLocalized(localizedOf(m, 'name'), lang)!;
  }

  @FieldResolver(() => LocalizedText)
  names(@Root() m: MonumentEntity): LocalizedText {
    return localizedOf(m, 'name');
  }

  @FieldResolver(() => String, { nullable: true })
  description(@Root() m: MonumentEntity, @Arg('lang', () => Lang, { defaultValue: Lang.KK }) lang: Lang): string | null {
    return pickLocalized(localizedOf(m, 'description'), lang);
  }

  @FieldResolver(() => String, { description: 'Address of the monument\'s public page in a language; QR codes lead here' })
  publicUrl(@Root() m: MonumentEntity, @Arg('lang', () => Lang, { defaultValue: Lang.KK }) lang: Lang, @Ctx() ctx: RukhaniQazynaContext): string {
    return monumentPageUrl(ctx.config.PUBLIC_BASE_URL, lang, m.id);
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
