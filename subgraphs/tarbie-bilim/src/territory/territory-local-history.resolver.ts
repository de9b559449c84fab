import { territoryConnectionResolver } from '@rz/schema';
import { territoryListBatch, type SubgraphContext } from '@rz/subgraph-runtime';
import { LocalHistoryMaterialFilter } from '../material/material.input';
import { MaterialService } from '../material/material.service';
import { LocalHistoryMaterialConnection } from '../material/material.type';

export const TerritoryLocalHistoryResolver = territoryConnectionResolver({
  field: 'localHistory',
  returns: () => LocalHistoryMaterialConnection,
  description: 'Local history materials about this territory and the units below it',
  argument: LocalHistoryMaterialFilter,
  list: territoryListBatch((ctx: SubgraphContext, codes, filter, page) => new MaterialService(ctx).listWithin(codes, filter, page)),
});
