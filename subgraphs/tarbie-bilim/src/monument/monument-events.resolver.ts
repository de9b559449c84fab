import type { SubgraphContext } from '@rz/subgraph-runtime';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { EventEntity } from '../event/event.entity';
import { MAX_MONUMENT_EVENTS } from '../event/event.loader';
import { EventService } from '../event/event.service';
import { Event } from '../event/event.type';
import { MonumentRef } from './monument.type';

/** Fields this subgraph adds to rukhani-qazyna's Monument. */
@Resolver(() => MonumentRef)
export class MonumentEventsResolver {
  @FieldResolver(() => [Event], {
    nullable: true,
    description: 'Upcoming Tarbie-Bilim events visiting this monument (excursions, expeditions, museum lessons, ...), soonest first; completed and cancelled ones are left out',
  })
  events(
    @Root() monument: MonumentRef,
    @Arg('first', () => Int, { defaultValue: 10, description: `1 to ${MAX_MONUMENT_EVENTS}` }) first: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EventEntity[]> {
    return new EventService(ctx).upcomingVisiting(monument.id, first);
  }
}
