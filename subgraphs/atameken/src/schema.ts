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
import { InitiativeCompletionResolver, InitiativeImplementationResolver } from './initiative-implementation/initiative-implementation.resolver';
import { InitiativeMapResolver } from './initiative-map/initiative-map.resolver';
import { InitiativeMilestoneResolver, InitiativeMilestonesResolver } from './initiative-milestone/initiative-milestone.resolver';
import { InitiativePledgeResolver, InitiativePledgesResolver } from './initiative-pledge/initiative-pledge.resolver';
import { InitiativeRatingResolver } from './initiative-rating/initiative-rating.resolver';
import { initiativeReferenceResolver } from './initiative/initiative.reference';
import { InitiativeResolver } from './initiative/initiative.resolver';
import { PersonInNeedResolver } from './person-in-need/person-in-need.resolver';
import { PersonalDataReleaseResolver } from './personal-data/personal-data-release.resolver';
import { VolunteerHelpResolver } from './volunteer-help/volunteer-help.resolver';
import { VolunteerActivityResolver, VolunteerReviewResolver } from './volunteer-review/volunteer-review.resolver';
import { VolunteerResolver } from './volunteer/volunteer.resolver';
import {
  TerritoryZhomartResolver,
  VolunteerAwardsResolver,
  ZhomartAwardResolver,
  ZhomartRankingEntryResolver,
  ZhomartResolver,
} from './zhomart/zhomart.resolver';
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
        InitiativePledgesResolver,
        InitiativePledgeResolver,
        InitiativeMilestonesResolver,
        InitiativeMilestoneResolver,
        InitiativeCompletionResolver,
        InitiativeImplementationResolver,
        InitiativeRatingResolver,
        InitiativeMapResolver,
        ComplaintResolver,
        ComplaintEventResolver,
        ComplaintEvidenceResolver,
        ComplaintCommentsResolver,
        ComplaintCommentResolver,
        ComplaintDeadlineResolver,
        ComplaintIndicatorsResolver,
        AkimatOfficerResolver,
        MonumentComplaintsResolver,
        VolunteerResolver,
        VolunteerActivityResolver,
        VolunteerReviewResolver,
        VolunteerHelpResolver,
        PersonInNeedResolver,
        PersonalDataReleaseResolver,
        ZhomartResolver,
        ZhomartRankingEntryResolver,
        ZhomartAwardResolver,
        TerritoryZhomartResolver,
        VolunteerAwardsResolver,
      ],
      authChecker,
      validateFn: validateInput,
    },
    [territoryReferenceResolver, initiativeReferenceResolver, monumentReferenceResolver],
  );
}
