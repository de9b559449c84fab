import { buildFederatedSchema, TerritoryResolver, territoryReferenceResolver } from '@rz/schema';
import { authChecker, validateInput } from '@rz/subgraph-runtime';
import type { GraphQLSchema } from 'graphql';
import { mediaCoverageReferenceResolvers } from './media-coverage/media-coverage.reference';
import { EventMediaCoverageResolver, InitiativeMediaCoverageResolver, MonumentMediaCoverageResolver } from './media-coverage/media-coverage.resolver';
import { MediaPlanExecutionResolver } from './execution/media-plan-execution.resolver';
import { faceReferenceResolver } from './face/face.reference';
import { FaceResolver } from './face/face.resolver';
import { MediaItemResolver } from './media-item/media-item.resolver';
import { mediaPlanReferenceResolver } from './media-plan/media-plan.reference';
import { MediaPlanResolver } from './media-plan/media-plan.resolver';
import { TerritoryFacesResolver } from './territory/territory-faces.resolver';
import { TerritoryMediaPlansResolver } from './territory/territory-media-plans.resolver';

export function buildAqparatTolqynySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        TerritoryResolver,
        TerritoryMediaPlansResolver,
        TerritoryFacesResolver,
        MediaPlanResolver,
        MediaPlanExecutionResolver,
        MediaItemResolver,
        FaceResolver,
        InitiativeMediaCoverageResolver,
        MonumentMediaCoverageResolver,
        EventMediaCoverageResolver,
      ],
      authChecker,
      validateFn: validateInput,
    },
    [territoryReferenceResolver, mediaPlanReferenceResolver, faceReferenceResolver, mediaCoverageReferenceResolvers],
  );
}
