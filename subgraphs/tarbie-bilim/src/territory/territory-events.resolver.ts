import { territoryConnectionResolver } from '@rz/schema';
import type { SubgraphContext } from '@rz/subgraph-runtime';
import { EventFilter } from '../event/event.input';
import { EventService } from '../event/event.service';
import { EventConnection } from '../event/event.type';

export const TerritoryEventsResolver = territoryConnectionResolver({
  field: 'events',
  returns: () => EventConnection,
  description: 'Tarbie-Bilim events in this territory and below it',
  argument: EventFilter,
  list: (ctx: SubgraphContext, territory, filter, page) => new EventService(ctx).list({ ...filter, territory }, page),
});
