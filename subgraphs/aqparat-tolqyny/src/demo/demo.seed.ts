import type { Logger } from '@rz/service-kit';
import type { DataSource } from 'typeorm';
import { seedFaces } from './faces.seed';
import { seedMediaPlans } from './media-plans.seed';

/** Plans first: featured demo faces point at the published items that featured them. */
export async function seedDemo(db: DataSource, logger: Logger): Promise<void> {
  await seedMediaPlans(db, logger);
  await seedFaces(db, logger);
}
