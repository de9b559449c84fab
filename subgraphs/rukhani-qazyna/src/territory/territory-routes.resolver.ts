import { territoryConnectionResolver } from '@rz/schema';
import { TourismRouteType } from '../tourism-route/tourism-route.enums';
import { TourismRouteService } from '../tourism-route/tourism-route.service';
import { TourismRouteConnection } from '../tourism-route/tourism-route.type';
import type { RukhaniQazynaContext } from '../context';

export const TerritoryRoutesResolver = territoryConnectionResolver({
  field: 'routes',
  returns: () => TourismRouteConnection,
  description: 'Published tourism routes with a stop in this territory or below it',
  argument: { name: 'type', type: () => TourismRouteType },
  list: (ctx: RukhaniQazynaContext, territory, type: TourismRouteType | undefined, page) => new TourismRouteService(ctx).list({ territory, type }, page),
});
