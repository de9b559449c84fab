import { Lang, LocalizedText, localizedOf, PageArgs, pickLocalized, Territory, kato, type TerritoryNode } from '@rz/schema';
import type { SubgraphContext } from '@rz/subgraph-runtime';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MonumentRef } from '../monument/monument.type';
import type { EventRegistrationEntity } from '../registration/registration.entity';
import { RegistrationService } from '../registration/registration.service';
import { EventRegistration } from '../registration/registration.type';
import type { EventResultEntity } from '../result/result.entity';
import { ResultService } from '../result/result.service';
import { EventResult } from '../result/result.type';
import type { EventEntity } from './event.entity';
import { EventStatus } from './event.enums';
import { CreateEventInput, EventFilter, UpdateEventInput } from './event.input';
import { EventService } from './event.service';
import { Event, EventConnection } from './event.type';

@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, { nullable: true })
  event(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<EventEntity | null> {
    return new EventService(ctx).byId(id);
  }

  @Query(() => EventConnection, { description: 'Events, newest first, filtered by territory (with its subtree), kind, base project, status or period' })
  events(
    @Arg('filter', () => EventFilter, { nullable: true }) filter: EventFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    return new EventService(ctx).list(filter, page);
  }

  // Signed-in only here (anonymous callers get UNAUTHENTICATED); the service checks role and territory.
  @Authorized()
  @Mutation(() => Event, { description: 'For Tarbie-Bilim editors, akimat officers within their territory, and admins; the event starts PLANNED' })
  createEvent(@Arg('input', () => CreateEventInput) input: CreateEventInput, @Ctx() ctx: SubgraphContext) {
    return new EventService(ctx).create(input);
  }

  @Authorized()
  @Mutation(() => Event, { description: 'Refused once the event is COMPLETED or CANCELLED' })
  updateEvent(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateEventInput) input: UpdateEventInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return new EventService(ctx).update(id, input);
  }

  @Authorized()
  @Mutation(() => Event, {
    description: 'PLANNED -> REGISTRATION_OPEN | CANCELLED, REGISTRATION_OPEN -> ONGOING | CANCELLED, ONGOING -> COMPLETED | CANCELLED; anything else is INVALID_TRANSITION',
  })
  changeEventStatus(
    @Arg('id', () => ID) id: string,
    @Arg('to', () => EventStatus) to: EventStatus,
    @Ctx() ctx: SubgraphContext,
  ) {
    return new EventService(ctx).changeStatus(id, to);
  }

  @FieldResolver(() => String, { description: 'Title in the reader\'s language, falling back kk -> ru -> en' })
  title(@Root() e: EventEntity, @Arg('lang', () => Lang, { defaultValue: Lang.KK }) lang: Lang): string {
    return pickLocalized(localizedOf(e, 'title'), lang)!;
  }

  @FieldResolver(() => LocalizedText)
  titles(@Root() e: EventEntity): LocalizedText {
    return localizedOf(e, 'title');
  }

  @FieldResolver(() => String, { nullable: true })
  description(@Root() e: EventEntity, @Arg('lang', () => Lang, { defaultValue: Lang.KK }) lang: Lang): string | null {
    return pickLocalized(localizedOf(e, 'description'), lang);
  }

  @FieldResolver(() => LocalizedText)
  descriptions(@Root() e: EventEntity): LocalizedText {
    return localizedOf(e, 'description');
  }

  @FieldResolver(() => Territory)
  territory(@Root() e: EventEntity): TerritoryNode {
    return kato().require(e.territoryCode);
  }

  @FieldResolver(() => Int, { description: 'Confirmed places taken' })
  registeredCount(@Root() e: EventEntity): number {
    return e.confirmedCount;
  }

  @FieldResolver(() => Int, { description: 'Registrations waiting for a place' })
  waitingListLength(@Root() e: EventEntity): number {
    return e.waitingCount;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Places still free; null for no limit' })
  placesLeft(@Root() e: EventEntity): number | null {
    return e.capacity === null ? null : Math.max(0, e.capacity - e.confirmedCount);
  }

  @FieldResolver(() => EventRegistration, { nullable: true, description: 'The signed-in viewer\'s own registration (the live one, else the latest cancelled); null otherwise' })
  myRegistration(@Root() e: EventEntity, @Ctx() ctx: SubgraphContext): Promise<EventRegistrationEntity | null> {
    return new RegistrationService(ctx).mineFor(e.id);
  }

  @FieldResolver(() => [EventResult], { description: 'Placings and awards of a completed competition or olympiad, best placing first' })
  results(@Root() e: EventEntity, @Ctx() ctx: SubgraphContext): Promise<EventResultEntity[]> {
    return new ResultService(ctx).forEvent(e.id);
  }

  @FieldResolver(() => [MonumentRef], { description: 'Monuments the event visits, in visiting order' })
  async monumentsVisited(@Root() e: EventEntity, @Ctx() ctx: SubgraphContext): Promise<MonumentRef[]> {
    const ids = await new EventService(ctx).monumentIds(e.id);
    return ids.map((id) => ({ id }));
  }
}
