import { territoryConnectionResolver } from '@rz/schema';
import { territoryListBatch } from '@rz/subgraph-runtime';
import { InitiativeFilter } from '../initiatives/initiative/initiative.input';
import { InitiativeService } from '../initiatives/initiative/initiative.service';
import { InitiativeConnection } from '../initiatives/initiative/initiative.type';
import type { AtamekenContext } from '../context';

export const TerritoryInitiativesResolver = territoryConnectionResolver({
  field: 'initiatives',
  returns: () => InitiativeConnection,
  description: 'Civic initiatives in this territory and below it',
  argument: InitiativeFilter,
  list: territoryListBatch((ctx: AtamekenContext, codes, filter, page) => new InitiativeService(ctx).listWithin(codes, filter, page)),
});
