import { buildFederatedSchema, TerritoryResolver, territoryReferenceResolver } from '@rz/schema';
import { authChecker, validateInput } from '@rz/subgraph-runtime';
import type { GraphQLSchema } from 'graphql';
import { AkimatOfficerResolver } from './akimat/akimat-officer.resolver';
import { ComplaintCommentResolver, ComplaintCommentsResolver } from './complaint-comment/complaint-comment.resolver';
import { ComplaintDeadlineResolver } from './complaint-deadline/complaint-deadline.resolver';
import { ComplaintEvidenceResolver } from './complaint-evidence/complaint-evidence.resolver';
import { ComplaintIndicatorsResolver, TerritoryComplaintIndicatorsResolver } from './complaint-indicators/complaint-indicators.resolver';
import { ComplaintResolver } from './complaint/complaint.resolver';
import { ComplaintEventResolver } from './complaint-event/complaint-event.resolver';
import { initiativeReferenceResolver } from './initiative/initiative.reference';
import { InitiativeResolver } from './initiative/initiative.resolver';
import { MonumentComplaintsResolver } from './monument/monument-complaints.resolver';
import { monumentReferenceResolver } from './monument/monument.reference';
import { TerritoryComplaintsResolver } from './territory/territory-complaints.resolver';
import { TerritoryInitiativesResolver } from './territory/territory-initiatives.resolver';

export function buildAtamekenSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        TerritoryResolver,
        TerritoryInitiativesResolver,
        TerritoryComplaintsResolver,
        TerritoryComplaintIndicatorsResolver,
        InitiativeResolver,
        ComplaintResolver,
        ComplaintEventResolver,
        ComplaintEvidenceResolver,
        ComplaintCommentsResolver,
        ComplaintCommentResolver,
        ComplaintDeadlineResolver,
        ComplaintIndicatorsResolver,
        AkimatOfficerResolver,
        MonumentComplaintsResolver,
      ],
      authChecker,
      validateFn: validateInput,
    },
    [territoryReferenceResolver, initiativeReferenceResolver, monumentReferenceResolver],
  );
}
