import type { SubgraphDefinition } from '@rz/subgraph-runtime';
import { AkimatOfficerEntity } from './civic-control/akimat/akimat-officer.entity';
import { ComplaintCommentEntity } from './civic-control/complaint-comment/complaint-comment.entity';
import { ComplaintTopicDeadlineEntity } from './civic-control/complaint-deadline/complaint-deadline.entity';
import { ComplaintEvidenceEntity } from './civic-control/complaint-evidence/complaint-evidence.entity';
import { ComplaintEntity } from './civic-control/complaint/complaint.entity';
import { ComplaintStatusChangeEntity } from './civic-control/complaint/complaint-status-change.entity';
import { seedAkimatOfficers } from './demo/akimat-officers.seed';
import { seedComplaints } from './demo/complaints.seed';
import { seedInitiatives } from './demo/initiatives.seed';
import { seedVolunteers } from './demo/volunteers.seed';
import { InitiativeParticipantEntity } from './initiatives/initiative-implementation/initiative-participant.entity';
import { InitiativeMilestoneEntity } from './initiatives/initiative-milestone/initiative-milestone.entity';
import { InitiativePledgeEntity } from './initiatives/initiative-pledge/initiative-pledge.entity';
import { InitiativeRatingEntity } from './initiatives/initiative-rating/initiative-rating.entity';
import { InitiativeEntity } from './initiatives/initiative/initiative.entity';
import { CreateComplaint20261122000100 } from './migrations/20261122000100-create-complaint';
import { CreateInitiative20261122000200 } from './migrations/20261122000200-create-initiative';
import { CreateComplaintEvent20261122010000 } from './migrations/20261122010000-create-complaint-event';
import { ComplaintCivicControl20261122020000 } from './migrations/20261122020000-complaint-civic-control';
import { InitiativeLifecycle20261122020100 } from './migrations/20261122020100-initiative-lifecycle';
import { VolunteerCorps20261122020200 } from './migrations/20261122020200-volunteer-corps';
import { PersonInNeedEntity } from './volunteers/person-in-need/person-in-need.entity';
import { PersonalDataReleaseEntity } from './volunteers/personal-data/personal-data-release.entity';
import { VolunteerHelpRecordEntity } from './volunteers/volunteer-help/volunteer-help.entity';
import { VolunteerReviewEntity } from './volunteers/volunteer-review/volunteer-review.entity';
import { VolunteerEntity } from './volunteers/volunteer/volunteer.entity';
import { ZhomartAward20261122020300 } from './migrations/20261122020300-zhomart-award';
import { CreateIdempotencyKey20261204140000 } from './migrations/20261204140000-create-idempotency-key';
import { ComplaintScaleIndexes20261204151400 } from './migrations/20261204151400-complaint-scale-indexes';
import { AkimatOfficerDisplayName20261204160000 } from './migrations/20261204160000-akimat-officer-display-name';
import { CreateNotificationOutbox20261204190000 } from './migrations/20261204190000-create-notification-outbox';
import { CreateComplaintReminderRun20261204190100 } from './migrations/20261204190100-create-complaint-reminder-run';
import { ComplaintDailyRollup20261204200000 } from './migrations/20261204200000-complaint-daily-rollup';
import { ZhomartAwardEntity } from './volunteers/zhomart/zhomart-award.entity';
import { startAtamekenServices } from './services';
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
    CreateIdempotencyKey20261204140000,
    ComplaintScaleIndexes20261204151400,
    AkimatOfficerDisplayName20261204160000,
    CreateNotificationOutbox20261204190000,
    CreateComplaintReminderRun20261204190100,
    ComplaintDailyRollup20261204200000,
  ],
  loadConfig,
  buildSchema: buildAtamekenSchema,
  startServices: startAtamekenServices,
  producesNotifications: true,
  async seedDemo(db, logger) {
    await seedAkimatOfficers(db, logger);
    await seedInitiatives(db, logger);
    await seedComplaints(db, logger);
    await seedVolunteers(db, logger);
  },
};
