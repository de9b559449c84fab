import { territoryConnectionResolver } from '@rz/schema';
import { FaceFilter } from '../face/face.input';
import { FaceService } from '../face/face.service';
import { FaceConnection } from '../face/face.type';
import type { AqparatTolqynyContext } from '../context';

export const TerritoryFacesResolver = territoryConnectionResolver({
  field: 'faces',
  returns: () => FaceConnection,
  description: '"100 new faces" of this territory and of the units below it, newest nomination first',
  argument: FaceFilter,
  list: (ctx: AqparatTolqynyContext, territory, filter, page) => new FaceService(ctx).list({ ...filter, territory }, page),
});
