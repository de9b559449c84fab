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
import { InitiativeEntity } from './initiative/initiative.entity';
import { CreateComplaint20261122000100 } from './migrations/20261122000100-create-complaint';
import { CreateInitiative20261122000200 } from './migrations/20261122000200-create-initiative';
import { CreateComplaintEvent20261122010000 } from './migrations/20261122010000-create-complaint-event';
import { ComplaintCivicControl20261122020000 } from './migrations/20261122020000-complaint-civic-control';
import { startComplaintEvents } from './complaint-event/complaint-event.service';
import { buildAtamekenSchema } from './schema';

export const atameken: SubgraphDefinition = {
  name: 'atameken',
  entities: [
    ComplaintEntity,
    ComplaintStatusChangeEntity,
    ComplaintEvidenceEntity,
    ComplaintCommentEntity,
    ComplaintTopicDeadlineEntity,
    AkimatOfficerEntity,
    InitiativeEntity,
  ],
  migrations: [
    CreateComplaint20261122000100,
    CreateInitiative20261122000200,
    CreateComplaintEvent20261122010000,
    ComplaintCivicControl20261122020000,
  ],
  buildSchema: buildAtamekenSchema,
  // Live complaint status (owned by the subscriptions work): keep this line.
  startServices: startComplaintEvents,
  async seedDemo(db, logger) {
    await seedAkimatOfficers(db, logger);
    await seedInitiatives(db, logger);
    await seedComplaints(db, logger);
  },
};
