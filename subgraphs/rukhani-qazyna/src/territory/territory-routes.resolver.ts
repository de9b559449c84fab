import { territoryConnectionResolver } from '@rz/schema';
import { territoryListBatch } from '@rz/subgraph-runtime';
import { TourismRouteType } from '../tourism-route/tourism-route.enums';
import { TourismRouteService } from '../tourism-route/tourism-route.service';
import { TourismRouteConnection } from '../tourism-route/tourism-route.type';
import type { RukhaniQazynaContext } from '../context';

export const TerritoryRoutesResolver = territoryConnectionResolver({
  field: 'routes',
  returns: () => TourismRouteConnection,
  description: 'Published tourism routes with a stop in this territory or below it',
  argument: { name: 'type', type: () => TourismRouteType },
  list: territoryListBatch((ctx: RukhaniQazynaContext, codes, type: TourismRouteType | null | undefined, page) => new TourismRouteService(ctx).listWithin(codes, { type: type ?? undefined }, page)),
});
