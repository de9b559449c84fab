import type { SubgraphDefinition } from '@rz/subgraph-runtime';
import { loadConfig } from './config';
import { LocalHistoryClubMembersEntity } from './club/club-members.entity';
import { LocalHistoryClubEntity } from './club/club.entity';
import { seedDemo } from './demo/demo.seed';
import { SchoolEnrolmentEntity } from './enrolment/enrolment.entity';
import { EventMonumentEntity } from './event/event-monument.entity';
import { EventEntity } from './event/event.entity';
import { LocalHistoryMaterialMonumentEntity } from './material/material-monument.entity';
import { LocalHistoryMaterialEntity } from './material/material.entity';
import { CreateEvent20261122000200 } from './migrations/20261122000200-create-event';
import { AddEventRegistration20261122020000 } from './migrations/20261122020000-add-event-registration';
import { CreateLocalHistoryMaterial20261122020100 } from './migrations/20261122020100-create-local-history-material';
import { CreateLocalHistoryClub20261122020200 } from './migrations/20261122020200-create-local-history-club';
import { CreateSchoolEnrolment20261122020300 } from './migrations/20261122020300-create-school-enrolment';
import { AddRegistrationParticipantName20261204000000 } from './migrations/20261204000000-add-registration-participant-name';
import { CreateIdempotencyKey20261204140000 } from './migrations/20261204140000-create-idempotency-key';
import { EventScaleIndexes20261204151400 } from './migrations/20261204151400-event-scale-indexes';
import { CreateNotificationOutbox20261204190000 } from './migrations/20261204190000-create-notification-outbox';
import { EventRegistrationEntity } from './registration/registration.entity';
import { EventResultEntity } from './result/result.entity';
import { buildTarbieBilimSchema } from './schema';

export const tarbieBilim: SubgraphDefinition = {
  name: 'tarbie-bilim',
  loadConfig,
  entities: [
    EventEntity,
    EventMonumentEntity,
    EventRegistrationEntity,
    EventResultEntity,
    LocalHistoryMaterialEntity,
    LocalHistoryMaterialMonumentEntity,
    LocalHistoryClubEntity,
    LocalHistoryClubMembersEntity,
    SchoolEnrolmentEntity,
  ],
  migrations: [
    CreateEvent20261122000200,
    AddEventRegistration20261122020000,
    CreateLocalHistoryMaterial20261122020100,
    CreateLocalHistoryClub20261122020200,
    CreateSchoolEnrolment20261122020300,
    AddRegistrationParticipantName20261204000000,
    CreateIdempotencyKey20261204140000,
    EventScaleIndexes20261204151400,
    CreateNotificationOutbox20261204190000,
  ],
  buildSchema: buildTarbieBilimSchema,
  seedDemo,
  producesNotifications: true,
};
