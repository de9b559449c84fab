import { territoryConnectionResolver } from '@rz/schema';
import { MonumentFilter } from '../monument/monument.input';
import { MonumentService } from '../monument/monument.service';
import { MonumentConnection } from '../monument/monument.type';
import type { RukhaniQazynaContext } from '../context';

export const TerritoryMonumentsResolver = territoryConnectionResolver({
  field: 'monuments',
  returns: () => MonumentConnection,
  description: 'Monuments in this territory and below it',
  argument: MonumentFilter,
  list: (ctx: RukhaniQazynaContext, territory, filter, page) => new MonumentService(ctx).list({ ...filter, territory }, page),
});
