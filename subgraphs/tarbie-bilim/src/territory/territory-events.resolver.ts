import { PageArgs, Territory, type TerritoryNode } from '@rz/schema';
import type { SubgraphContext } from '@rz/subgraph-runtime';
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { EventFilter } from '../event/event.input';
import { EventService } from '../event/event.service';
import { EventConnection } from '../event/event.type';

@Resolver(() => Territory)
export class TerritoryEventsResolver {
  @FieldResolver(() => EventConnection, { description: 'Tarbie-Bilim events in this territory and below it' })
  events(
    @Root() territory: TerritoryNode,
    @Arg('filter', () => EventFilter, { nullable: true }) filter: EventFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    return new EventService(ctx).list({ ...filter, territory: territory.code }, page);
  }
}
