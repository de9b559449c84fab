import { buildFederatedSchema, TerritoryResolver, territoryReferenceResolver } from '@rz/schema';
import { authChecker, validateInput } from '@rz/subgraph-runtime';
import type { GraphQLSchema } from 'graphql';
import { AkimatOfficerResolver } from './civic-control/akimat/akimat-officer.resolver';
import { ComplaintCommentResolver, ComplaintCommentsResolver } from './civic-control/complaint-comment/complaint-comment.resolver';
import { ComplaintDeadlineResolver } from './civic-control/complaint-deadline/complaint-deadline.resolver';
import { ComplaintEvidenceResolver } from './civic-control/complaint-evidence/complaint-evidence.resolver';
import { ComplaintIndicatorsResolver, TerritoryComplaintIndicatorsResolver } from './civic-control/complaint-indicators/complaint-indicators.resolver';
import { ComplaintResolver } from './civic-control/complaint/complaint.resolver';
import { ComplaintHistoryResolver } from './civic-control/complaint/complaint-history.resolver';
import { ComplaintEventResolver } from './civic-control/complaint-event/complaint-event.resolver';
import { InitiativeCompletionResolver, InitiativeImplementationResolver } from './initiatives/initiative-implementation/initiative-implementation.resolver';
import { InitiativeMapResolver } from './initiatives/initiative-map/initiative-map.resolver';
import { InitiativeMilestoneResolver, InitiativeMilestonesResolver } from './initiatives/initiative-milestone/initiative-milestone.resolver';
import { InitiativePledgeResolver, InitiativePledgesResolver } from './initiatives/initiative-pledge/initiative-pledge.resolver';
import { InitiativeRatingResolver } from './initiatives/initiative-rating/initiative-rating.resolver';
import { initiativeReferenceResolver } from './initiatives/initiative/initiative.reference';
import { InitiativeResolver } from './initiatives/initiative/initiative.resolver';
import { PersonInNeedResolver } from './volunteers/person-in-need/person-in-need.resolver';
import { PersonalDataReleaseResolver } from './volunteers/personal-data/personal-data-release.resolver';
import { VolunteerHelpResolver } from './volunteers/volunteer-help/volunteer-help.resolver';
import { VolunteerActivityResolver, VolunteerReviewResolver } from './volunteers/volunteer-review/volunteer-review.resolver';
import { VolunteerResolver } from './volunteers/volunteer/volunteer.resolver';
import {
  TerritoryZhomartResolver,
  VolunteerAwardsResolver,
  ZhomartAwardResolver,
  ZhomartRankingEntryResolver,
  ZhomartResolver,
} from './volunteers/zhomart/zhomart.resolver';
import { MonumentComplaintsResolver } from './civic-control/monument/monument-complaints.resolver';
import { monumentReferenceResolver } from './civic-control/monument/monument.reference';
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
        ComplaintHistoryResolver,
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
