import { buildFederatedSchema, TerritoryResolver, territoryReferenceResolver } from '@rz/schema';
import { authChecker, validateInput } from '@rz/subgraph-runtime';
import type { GraphQLSchema } from 'graphql';
import { MediaItemResolver } from './media-item/media-item.resolver';
import { mediaPlanReferenceResolver } from './media-plan/media-plan.reference';
import { MediaPlanResolver } from './media-plan/media-plan.resolver';
import { TerritoryMediaPlansResolver } from './territory/territory-media-plans.resolver';

export function buildAqparatTolqynySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [TerritoryResolver, TerritoryMediaPlansResolver, MediaPlanResolver, MediaItemResolver],
      authChecker,
      validateFn: validateInput,
    },
    [territoryReferenceResolver, mediaPlanReferenceResolver],
  );
}
