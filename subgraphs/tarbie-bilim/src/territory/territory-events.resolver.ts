import { territoryConnectionResolver } from '@rz/schema';
import { territoryListBatch, type SubgraphContext } from '@rz/subgraph-runtime';
import { EventFilter } from '../event/event.input';
import { EventService } from '../event/event.service';
import { EventConnection } from '../event/event.type';

export const TerritoryEventsResolver = territoryConnectionResolver({
  field: 'events',
  returns: () => EventConnection,
  description: 'Tarbie-Bilim events in this territory and below it',
  argument: EventFilter,
  list: territoryListBatch((ctx: SubgraphContext, codes, filter, page) => new EventService(ctx).listWithin(codes, filter, page)),
});
