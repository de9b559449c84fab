import { territoryConnectionResolver } from '@rz/schema';
import { territoryListBatch } from '@rz/subgraph-runtime';
import { ComplaintFilter } from '../civic-control/complaint/complaint.input';
import { ComplaintService } from '../civic-control/complaint/complaint.service';
import { ComplaintConnection } from '../civic-control/complaint/complaint.type';
import type { AtamekenContext } from '../context';

export const TerritoryComplaintsResolver = territoryConnectionResolver({
  field: 'complaints',
  returns: () => ComplaintConnection,
  description: 'Civic control complaints in this territory and below it',
  argument: ComplaintFilter,
  list: territoryListBatch((ctx: AtamekenContext, codes, filter, page) => new ComplaintService(ctx).listWithin(codes, filter, page)),
});
