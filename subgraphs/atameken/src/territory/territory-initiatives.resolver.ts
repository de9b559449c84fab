import { territoryConnectionResolver } from '@rz/schema';
import { InitiativeFilter } from '../initiatives/initiative/initiative.input';
import { InitiativeService } from '../initiatives/initiative/initiative.service';
import { InitiativeConnection } from '../initiatives/initiative/initiative.type';
import type { AtamekenContext } from '../context';

export const TerritoryInitiativesResolver = territoryConnectionResolver({
  field: 'initiatives',
  returns: () => InitiativeConnection,
  description: 'Civic initiatives in this territory and below it',
  argument: InitiativeFilter,
  list: (ctx: AtamekenContext, territory, filter, page) => new InitiativeService(ctx).list({ ...filter, territory }, page),
});
