import { buildFederatedSchema, TerritoryResolver, territoryReferenceResolver } from '@rz/schema';
import { authChecker, validateInput } from '@rz/subgraph-runtime';
import type { GraphQLSchema } from 'graphql';
import { clubReferenceResolver } from './club/club.reference';
import { ClubResolver } from './club/club.resolver';
import { EnrolmentResolver } from './enrolment/enrolment.resolver';
import { eventReferenceResolver } from './event/event.reference';
import { EventResolver } from './event/event.resolver';
import { IndicatorsResolver } from './indicators/indicators.resolver';
import { materialReferenceResolver } from './material/material.reference';
import { MaterialResolver } from './material/material.resolver';
import { MonumentEventsResolver } from './monument/monument-events.resolver';
import { monumentReferenceResolver } from './monument/monument.reference';
import { RegistrationResolver } from './registration/registration.resolver';
import { ResultResolver } from './result/result.resolver';
import { TerritoryClubsResolver } from './territory/territory-clubs.resolver';
import { TerritoryEventsResolver } from './territory/territory-events.resolver';
import { TerritoryIndicatorsResolver } from './territory/territory-indicators.resolver';
import { TerritoryLocalHistoryResolver } from './territory/territory-local-history.resolver';

export function buildTarbieBilimSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        TerritoryResolver,
        TerritoryEventsResolver,
        TerritoryClubsResolver,
        TerritoryLocalHistoryResolver,
        TerritoryIndicatorsResolver,
        EventResolver,
        RegistrationResolver,
        ResultResolver,
        MaterialResolver,
        ClubResolver,
        EnrolmentResolver,
        IndicatorsResolver,
        MonumentEventsResolver,
      ],
      authChecker,
      validateFn: validateInput,
    },
    [territoryReferenceResolver, eventReferenceResolver, monumentReferenceResolver, materialReferenceResolver, clubReferenceResolver],
  );
}
