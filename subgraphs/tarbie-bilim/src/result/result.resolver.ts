import type { SubgraphContext } from '@rz/subgraph-runtime';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Event } from '../event/event.type';
import { EventResult } from './result.type';
import type { EventRegistrationEntity } from '../registration/registration.entity';
import { RegistrationService } from '../registration/registration.service';
import { EventRegistration } from '../registration/registration.type';
import type { EventResultEntity } from './result.entity';
import { EventResultInput } from './result.input';
import { ResultService } from './result.service';

@Resolver(() => EventResult)
export class ResultResolver {
  @Authorized()
  @Mutation(() => Event, {
    description:
      'Replaces the placings and awards of a COMPLETED competition or olympiad (organisers only). Other kinds are BAD_USER_INPUT, other states CONFLICT.',
  })
  recordEventResults(
    @Arg('eventId', () => ID) eventId: string,
    @Arg('results', () => [EventResultInput]) results: EventResultInput[],
    @Ctx() ctx: SubgraphContext,
  ) {
    return new ResultService(ctx).record(eventId, results);
  }

  @FieldResolver(() => EventRegistration, { nullable: true, description: 'Who achieved it: only for the participant and the event\'s organisers, null for everyone else' })
  registration(@Root() r: EventResultEntity, @Ctx() ctx: SubgraphContext): Promise<EventRegistrationEntity | null> {
    return new RegistrationService(ctx).visibleById(r.registrationId);
  }
}
