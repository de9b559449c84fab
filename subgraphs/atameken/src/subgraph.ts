import type { SubgraphDefinition } from '@rz/subgraph-runtime';
import { ComplaintEntity } from './complaint/complaint.entity';
import { ComplaintStatusChangeEntity } from './complaint/complaint-status-change.entity';
import { seedComplaints } from './demo/complaints.seed';
import { seedInitiatives } from './demo/initiatives.seed';
import { InitiativeEntity } from './initiative/initiative.entity';
import { CreateComplaint20261122000100 } from './migrations/20261122000100-create-complaint';
import { CreateInitiative20261122000200 } from './migrations/20261122000200-create-initiative';
import { CreateComplaintEvent20261122010000 } from './migrations/20261122010000-create-complaint-event';
import { startComplaintEvents } from './complaint-event/complaint-event.service';
import { buildAtamekenSchema } from './schema';

export const atameken: SubgraphDefinition = {
  name: 'atameken',
  entities: [ComplaintEntity, ComplaintStatusChangeEntity, InitiativeEntity],
  migrations: [CreateComplaint20261122000100, CreateInitiative20261122000200, CreateComplaintEvent20261122010000],
  buildSchema: buildAtamekenSchema,
  startServices: startComplaintEvents,
  async seedDemo(db, logger) {
    await seedInitiatives(db, logger);
    await seedComplaints(db, logger);
  },
};
