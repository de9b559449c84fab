import { buildFederatedSchema, TerritoryResolver, territoryReferenceResolver } from '@rz/schema';
import { authChecker, validateInput } from '@rz/subgraph-runtime';
import type { GraphQLSchema } from 'graphql';
import { eventReferenceResolver } from './event/event.reference';
import { EventResolver } from './event/event.resolver';
import { TerritoryEventsResolver } from './territory/territory-events.resolver';

export function buildTarbieBilimSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [TerritoryResolver, TerritoryEventsResolver, EventResolver],
      authChecker,
      validateFn: validateInput,
    },
    [territoryReferenceResolver, eventReferenceResolver],
  );
}
