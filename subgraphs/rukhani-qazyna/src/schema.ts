import { buildFederatedSchema, TerritoryResolver, territoryReferenceResolver } from '@rz/schema';
import { authChecker, validateInput } from '@rz/subgraph-runtime';
import type { GraphQLSchema } from 'graphql';
import { monumentReferenceResolver } from './monument/monument.reference';
import { MonumentResolver } from './monument/monument.resolver';
import { TerritoryMonumentsResolver } from './territory/territory-monuments.resolver';

export function buildRukhaniQazynaSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [TerritoryResolver, TerritoryMonumentsResolver, MonumentResolver],
      authChecker,
      validateFn: validateInput,
    },
    [territoryReferenceResolver, monumentReferenceResolver],
  );
}
