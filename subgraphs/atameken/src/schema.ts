import { buildFederatedSchema, TerritoryResolver, territoryReferenceResolver } from '@rz/schema';
import { authChecker, validateInput } from '@rz/subgraph-runtime';
import type { GraphQLSchema } from 'graphql';
import { ComplaintResolver } from './complaint/complaint.resolver';
import { ComplaintEventResolver } from './complaint-event/complaint-event.resolver';
import { initiativeReferenceResolver } from './initiative/initiative.reference';
import { InitiativeResolver } from './initiative/initiative.resolver';
import { TerritoryComplaintsResolver } from './territory/territory-complaints.resolver';
import { TerritoryInitiativesResolver } from './territory/territory-initiatives.resolver';

export function buildAtamekenSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [TerritoryResolver, TerritoryInitiativesResolver, TerritoryComplaintsResolver, InitiativeResolver, ComplaintResolver, ComplaintEventResolver],
      authChecker,
      validateFn: validateInput,
    },
    [territoryReferenceResolver, initiativeReferenceResolver],
  );
}
