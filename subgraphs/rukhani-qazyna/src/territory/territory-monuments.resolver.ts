import { territoryConnectionResolver } from '@rz/schema';
import { territoryListBatch } from '@rz/subgraph-runtime';
import { MonumentFilter } from '../monument/monument.input';
import { MonumentService } from '../monument/monument.service';
import { MonumentConnection } from '../monument/monument.type';
import type { RukhaniQazynaContext } from '../context';

export const TerritoryMonumentsResolver = territoryConnectionResolver({
  field: 'monuments',
  returns: () => MonumentConnection,
  description: 'Monuments in this territory and below it',
  argument: MonumentFilter,
  list: territoryListBatch((ctx: RukhaniQazynaContext, codes, filter, page) => new MonumentService(ctx).listWithin(codes, filter, page)),
});
