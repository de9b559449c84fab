import { PageArgs, Territory, kato, type TerritoryNode } from '@rz/schema';
import { IDEMPOTENCY_KEY_DESCRIPTION, type SubgraphContext } from '@rz/subgraph-runtime';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EventEntity } from '../event/event.entity';
import { EventService } from '../event/event.service';
import { Event } from '../event/event.type';
import type { EventResultEntity } from '../result/result.entity';
import { ResultService } from '../result/result.service';
import { EventResult } from '../result/result.type';
import type { EventRegistrationEntity } from './registration.entity';
import { EventRegistrationFilter, EventRegistrationInput } from './registration.input';
import { RegistrationService } from './registration.service';
import { EventRegistration, EventRegistrationConnection } from './registration.type';

@Resolver(() => EventRegistration)
export class RegistrationResolver {
  @Authorized()
  @Query(() => EventRegistrationConnection, { description: 'The signed-in viewer\'s own registrations, newest first' })
  myRegistrations(
    @Arg('filter', () => EventRegistrationFilter, { nullable: true }) filter: EventRegistrationFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    return new RegistrationService(ctx).mine(filter, page);
  }

  @Authorized()
  @Query(() => EventRegistrationConnection, {
    description: 'Registrants of an event, newest first: for Tarbie-Bilim editors, akimat officers whose scope covers the event, and admins',
  })
  eventRegistrations(
    @Arg('eventId', () => ID) eventId: string,
    @Arg('filter', () => EventRegistrationFilter, { nullable: true }) filter: EventRegistrationFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    return new RegistrationService(ctx).forEvent(eventId, filter, page);
  }

  @Authorized()
  @Mutation(() => EventRegistration, {
    description:
      'Registers the signed-in viewer while the event is REGISTRATION_OPEN: CONFIRMED while places are free, else WAITING if the event keeps a waiting list, ' +
      'else CONFLICT with reason EVENT_FULL. A second live registration of the same person is CONFLICT (ALREADY_REGISTERED).',
  })
  registerForEvent(
    @Arg('eventId', () => ID) eventId: string,
    @Arg('input', () => EventRegistrationInput) input: EventRegistrationInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ) {
    return new RegistrationService(ctx).register(eventId, input, idempotencyKey);
  }

  @Authorized()
  @Mutation(() => EventRegistration, {
    description: 'By the participant or the event\'s organisers, while the event is REGISTRATION_OPEN or ONGOING; a freed place goes to the first waiting registration',
  })
  cancelEventRegistration(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return new RegistrationService(ctx).cancel(id);
  }

  @FieldResolver(() => Event, { description: 'The event, with its current status (a CANCELLED event tells its registrants here)' })
  async event(@Root() r: EventRegistrationEntity, @Ctx() ctx: SubgraphContext): Promise<EventEntity> {
    return (await new EventService(ctx).byId(r.eventId))!;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the participant: for the event\'s organisers only, null for everyone else (the participant included)' })
  participantName(@Root() r: EventRegistrationEntity, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    return new RegistrationService(ctx).participantNameFor(r);
  }

  @FieldResolver(() => Territory, { description: 'Territory of the school' })
  schoolTerritory(@Root() r: EventRegistrationEntity): TerritoryNode {
    return kato().require(r.schoolTerritoryCode);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Place in the waiting list (1 is next), for WAITING registrations' })
  waitingPosition(@Root() r: EventRegistrationEntity, @Ctx() ctx: SubgraphContext) {
    return new RegistrationService(ctx).waitingPosition(r);
  }

  @FieldResolver(() => EventResult, { nullable: true, description: 'Placing or award, once recorded' })
  result(@Root() r: EventRegistrationEntity, @Ctx() ctx: SubgraphContext): Promise<EventResultEntity | null> {
    return new ResultService(ctx).forRegistration(r.id);
  }
}
