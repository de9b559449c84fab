import { buildFederatedSchema, TerritoryResolver, territoryReferenceResolver } from '@rz/schema';
import { authChecker, validateInput } from '@rz/subgraph-runtime';
import type { GraphQLSchema } from 'graphql';

export function buildProjectOfficeSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [TerritoryResolver],
      authChecker,
      validateFn: validateInput,
    },
    [territoryReferenceResolver],
  );
}
