import type { SubgraphDefinition } from '@rz/subgraph-runtime';
import { AkimatOfficerEntity } from './akimat/akimat-officer.entity';
import { ComplaintCommentEntity } from './complaint-comment/complaint-comment.entity';
import { ComplaintTopicDeadlineEntity } from './complaint-deadline/complaint-deadline.entity';
import { ComplaintEvidenceEntity } from './complaint-evidence/complaint-evidence.entity';
import { ComplaintEntity } from './complaint/complaint.entity';
import { ComplaintStatusChangeEntity } from './complaint/complaint-status-change.entity';
import { seedAkimatOfficers } from './demo/akimat-officers.seed';
import { seedComplaints } from './demo/complaints.seed';
import { seedInitiatives } from './demo/initiatives.seed';
import { seedVolunteers } from './demo/volunteers.seed';
import { InitiativeParticipantEntity } from './initiative-implementation/initiative-participant.entity';
import { InitiativeMilestoneEntity } from './initiative-milestone/initiative-milestone.entity';
import { InitiativePledgeEntity } from './initiative-pledge/initiative-pledge.entity';
import { InitiativeRatingEntity } from './initiative-rating/initiative-rating.entity';
import { InitiativeEntity } from './initiative/initiative.entity';
import { CreateComplaint20261122000100 } from './migrations/20261122000100-create-complaint';
import { CreateInitiative20261122000200 } from './migrations/20261122000200-create-initiative';
import { CreateComplaintEvent20261122010000 } from './migrations/20261122010000-create-complaint-event';
import { ComplaintCivicControl20261122020000 } from './migrations/20261122020000-complaint-civic-control';
import { InitiativeLifecycle20261122020100 } from './migrations/20261122020100-initiative-lifecycle';
import { VolunteerCorps20261122020200 } from './migrations/20261122020200-volunteer-corps';
import { PersonInNeedEntity } from './person-in-need/person-in-need.entity';
import { PersonalDataReleaseEntity } from './personal-data/personal-data-release.entity';
import { VolunteerHelpRecordEntity } from './volunteer-help/volunteer-help.entity';
import { VolunteerReviewEntity } from './volunteer-review/volunteer-review.entity';
import { VolunteerEntity } from './volunteer/volunteer.entity';
import { ZhomartAward20261122020300 } from './migrations/20261122020300-zhomart-award';
import { ZhomartAwardEntity } from './zhomart/zhomart-award.entity';
import { startComplaintEvents } from './complaint-event/complaint-event.service';
import { buildAtamekenSchema } from './schema';
import { loadConfig, type AtamekenConfig } from './config';
import type { AtamekenServices } from './context';

export const atameken: SubgraphDefinition<AtamekenConfig, AtamekenServices> = {
  name: 'atameken',
  entities: [
    ComplaintEntity,
    ComplaintStatusChangeEntity,
    ComplaintEvidenceEntity,
    ComplaintCommentEntity,
    ComplaintTopicDeadlineEntity,
    AkimatOfficerEntity,
    InitiativeEntity,
    InitiativePledgeEntity,
    InitiativeMilestoneEntity,
    InitiativeParticipantEntity,
    InitiativeRatingEntity,
    VolunteerEntity,
    PersonInNeedEntity,
    VolunteerHelpRecordEntity,
    VolunteerReviewEntity,
    PersonalDataReleaseEntity,
    ZhomartAwardEntity,
  ],
  migrations: [
    CreateComplaint20261122000100,
    CreateInitiative20261122000200,
    CreateComplaintEvent20261122010000,
    ComplaintCivicControl20261122020000,
    InitiativeLifecycle20261122020100,
    VolunteerCorps20261122020200,
    ZhomartAward20261122020300,
  ],
  loadConfig,
  buildSchema: buildAtamekenSchema,
  startServices: startComplaintEvents,
  async seedDemo(db, logger) {
    await seedAkimatOfficers(db, logger);
    await seedInitiatives(db, logger);
    await seedComplaints(db, logger);
    await seedVolunteers(db, logger);
  },
};
