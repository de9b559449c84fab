import { territoryConnectionResolver } from '@rz/schema';
import { territoryListBatch } from '@rz/subgraph-runtime';
import { FaceFilter } from '../face/face.input';
import { FaceService } from '../face/face.service';
import { FaceConnection } from '../face/face.type';
import type { AqparatTolqynyContext } from '../context';

export const TerritoryFacesResolver = territoryConnectionResolver({
  field: 'faces',
  returns: () => FaceConnection,
  description: '"100 new faces" of this territory and of the units below it, newest nomination first',
  argument: FaceFilter,
  list: territoryListBatch((ctx: AqparatTolqynyContext, codes, filter, page) => new FaceService(ctx).listWithin(codes, filter, page)),
});
