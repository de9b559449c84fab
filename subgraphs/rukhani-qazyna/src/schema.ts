import { buildFederatedSchema, TerritoryResolver, territoryReferenceResolver } from '@rz/schema';
import { authChecker, validateInput } from '@rz/subgraph-runtime';
import type { GraphQLSchema } from 'graphql';
import { MonumentConditionResolver } from './monument-condition/monument-condition.resolver';
import { MonumentPhotoResolver, MonumentPhotosResolver } from './monument-photo/monument-photo.resolver';
import { monumentReferenceResolver } from './monument/monument.reference';
import { MonumentResolver } from './monument/monument.resolver';
import { MonumentQrCodesResolver, QrCodeResolver } from './qr-code/qr-code.resolver';
import { QrIndicatorsResolver } from './qr-indicators/qr-indicators.resolver';
import { TerritoryMonumentsResolver } from './territory/territory-monuments.resolver';
import { TerritoryQrCoverageResolver } from './territory/territory-qr-coverage.resolver';
import { TerritoryRoutesResolver } from './territory/territory-routes.resolver';
import { tourismRouteReferenceResolver } from './tourism-route/tourism-route.reference';
import { MonumentTourismRoutesResolver, TourismRouteResolver, TourismRouteStopResolver } from './tourism-route/tourism-route.resolver';

export function buildRukhaniQazynaSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        TerritoryResolver,
        TerritoryMonumentsResolver,
        TerritoryRoutesResolver,
        TerritoryQrCoverageResolver,
        MonumentResolver,
        MonumentConditionResolver,
        MonumentPhotoResolver,
        MonumentPhotosResolver,
        MonumentQrCodesResolver,
        MonumentTourismRoutesResolver,
        QrCodeResolver,
        QrIndicatorsResolver,
        TourismRouteResolver,
        TourismRouteStopResolver,
      ],
      authChecker,
      validateFn: validateInput,
    },
    [territoryReferenceResolver, monumentReferenceResolver, tourismRouteReferenceResolver],
  );
}
