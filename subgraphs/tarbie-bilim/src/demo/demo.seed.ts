import type { Logger } from '@rz/service-kit';
import type { DataSource } from 'typeorm';
import { seedClubs } from './clubs.seed';
import { seedEnrolment } from './enrolment.seed';
import { seedEvents } from './events.seed';
import { seedMaterials } from './materials.seed';
import { seedRegistrations } from './registrations.seed';

/** All demo data of this subgraph; each part is idempotent. Registrations need their events first. */
export async function seedDemo(db: DataSource, logger: Logger): Promise<void> {
  await seedEvents(db, logger);
  await seedRegistrations(db, logger);
  await seedMaterials(db, logger);
  await seedClubs(db, logger);
  await seedEnrolment(db, logger);
}
