import { GeoPoint, Lang, localizedOf, LocalizedText, PageArgs, pickLocalized, Territory, kato, type TerritoryNode } from '@rz/schema';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EDITOR_ROLES } from '../access/rukhani-qazyna-access';
import type { MonumentEntity } from '../monument/monument.entity';
import { Monument } from '../monument/monument.type';
import type { TourismRouteEntity } from './tourism-route.entity';
import { CreateTourismRouteInput, TourismRouteFilter, TourismRouteStopInput, UpdateTourismRouteInput } from './tourism-route.input';
import type { RouteStopView } from './tourism-route.loader';
import { TourismRouteService, type RouteIndicators } from './tourism-route.service';
import { TourismRoute, TourismRouteConnection, TourismRouteIndicators, TourismRouteStop } from './tourism-route.type';
import type { RukhaniQazynaContext } from '../context';

@Resolver(() => TourismRoute)
export class TourismRouteResolver {
  @Query(() => TourismRoute, { nullable: true, description: 'A route by id; a draft only for those who may edit it' })
  tourismRoute(@Arg('id', () => ID) id: string, @Ctx() ctx: RukhaniQazynaContext): Promise<TourismRouteEntity | null> {
    return new TourismRouteService(ctx).byId(id);
  }

  @Query(() => TourismRouteConnection, { description: 'Routes, newest first: published by default; status DRAFT lists the drafts the viewer may edit (none for others)' })
  tourismRoutes(
    @Arg('filter', () => TourismRouteFilter, { nullable: true }) filter: TourismRouteFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: RukhaniQazynaContext,
  ) {
    return new TourismRouteService(ctx).list(filter, page);
  }

  @Query(() => TourismRouteIndicators, { description: 'Published routes per type and per region; a territory narrows to routes with a stop in it' })
  tourismRouteIndicators(
    @Arg('territory', () => ID, { nullable: true, description: 'KATO code' }) territory: string | undefined,
    @Ctx() ctx: RukhaniQazynaContext,
  ): Promise<RouteIndicators> {
    return new TourismRouteService(ctx).indicators(territory);
  }

  @Authorized(...EDITOR_ROLES)
  @Mutation(() => TourismRoute, { description: 'Creates a draft route (Rukhani Qazyna editors, or akimat officers for their territory)' })
  createTourismRoute(@Arg('input', () => CreateTourismRouteInput) input: CreateTourismRouteInput, @Ctx() ctx: RukhaniQazynaContext) {
    return new TourismRouteService(ctx).create(input);
  }

  @Authorized(...EDITOR_ROLES)
  @Mutation(() => TourismRoute)
  updateTourismRoute(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateTourismRouteInput) input: UpdateTourismRouteInput,
    @Ctx() ctx: RukhaniQazynaContext,
  ) {
    return new TourismRouteService(ctx).update(id, input);
  }

  @Authorized(...EDITOR_ROLES)
  @Mutation(() => TourismRoute, { description: 'Replaces the ordered stops; length and regions are recomputed' })
  setTourismRouteStops(
    @Arg('id', () => ID) id: string,
    @Arg('stops', () => [TourismRouteStopInput]) stops: TourismRouteStopInput[],
    @Ctx() ctx: RukhaniQazynaContext,
  ) {
    return new TourismRouteService(ctx).setStops(id, stops);
  }

  @Authorized(...EDITOR_ROLES)
  @Mutation(() => TourismRoute, { description: 'Puts the stops in a new order (each stop id exactly once); length and regions are recomputed' })
  reorderTourismRouteStops(
    @Arg('id', () => ID) id: string,
    @Arg('stopIds', () => [ID]) stopIds: string[],
    @Ctx() ctx: RukhaniQazynaContext,
  ) {
    return new TourismRouteService(ctx).reorderStops(id, stopIds);
  }

  @Authorized(...EDITOR_ROLES)
  @Mutation(() => TourismRoute, { description: 'DRAFT -> PUBLISHED; needs at least two stops' })
  publishTourismRoute(@Arg('id', () => ID) id: string, @Ctx() ctx: RukhaniQazynaContext) {
    return new TourismRouteService(ctx).publish(id);
  }

  @Authorized(...EDITOR_ROLES)
  @Mutation(() => TourismRoute, { description: 'PUBLISHED -> DRAFT' })
  unpublishTourismRoute(@Arg('id', () => ID) id: string, @Ctx() ctx: RukhaniQazynaContext) {
    return new TourismRouteService(ctx).unpublish(id);
  }

  @FieldResolver(() => String, { description: 'Name in the reader\'s language, falling back kk -> ru -> en' })
  name(@Root() r: TourismRouteEntity, @Arg('lang', () => Lang, { defaultValue: Lang.KK }) lang: Lang): string {
    return pickLocalized(localizedOf(r, 'name'), lang)!;
  }

  @FieldResolver(() => LocalizedText)
  names(@Root() r: TourismRouteEntity): LocalizedText {
    return localizedOf(r, 'name');
  }

  @FieldResolver(() => String, { nullable: true })
  description(@Root() r: TourismRouteEntity, @Arg('lang', () => Lang, { defaultValue: Lang.KK }) lang: Lang): string | null {
    return pickLocalized(localizedOf(r, 'description'), lang);
  }

  @FieldResolver(() => Territory, { nullable: true, description: 'Territory of the akimat keeping the route; null for a republican route' })
  territory(@Root() r: TourismRouteEntity): TerritoryNode | null {
    return r.territoryCode ? kato().require(r.territoryCode) : null;
  }

  @FieldResolver(() => [Territory], { description: 'Regions the route crosses, in the order it enters them (from the stops\' territories)' })
  regions(@Root() r: TourismRouteEntity): TerritoryNode[] {
    return r.regions.map((code) => kato().require(code));
  }

  @FieldResolver(() => Boolean, { description: 'Every stop lies in one region' })
  local(@Root() r: TourismRouteEntity): boolean {
    return r.regions.length === 1;
  }

  @FieldResolver(() => [TourismRouteStop])
  stops(@Root() r: TourismRouteEntity, @Ctx() ctx: RukhaniQazynaContext): Promise<RouteStopView[]> {
    return new TourismRouteService(ctx).stops(r);
  }
}

@Resolver(() => TourismRouteStop)
export class TourismRouteStopResolver {
  @FieldResolver(() => String, { description: 'The stop\'s own name, else its monument\'s, in the reader\'s language (fallback kk -> ru -> en)' })
  name(@Root() s: RouteStopView, @Arg('lang', () => Lang, { defaultValue: Lang.KK }) lang: Lang): string {
    const own = pickLocalized(s.names, lang);
    return own ?? pickLocalized(s.monument ? localizedOf(s.monument, 'name') : {}, lang)!;
  }

  @FieldResolver(() => Monument, { nullable: true })
  monument(@Root() s: RouteStopView): MonumentEntity | null {
    return s.monument;
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: 'The stop\'s point, else its monument\'s' })
  location(@Root() s: RouteStopView): GeoPoint | null {
    return s.point;
  }

  @FieldResolver(() => Territory)
  territory(@Root() s: RouteStopView): TerritoryNode {
    return kato().require(s.territoryCode);
  }
}

@Resolver(() => Monument)
export class MonumentTourismRoutesResolver {
  @FieldResolver(() => TourismRouteConnection, { description: 'Published tourism routes that stop at this monument' })
  tourismRoutes(@Root() monument: MonumentEntity, @Args() page: PageArgs, @Ctx() ctx: RukhaniQazynaContext) {
    return new TourismRouteService(ctx).list({ monumentId: monument.id }, page);
  }
}
