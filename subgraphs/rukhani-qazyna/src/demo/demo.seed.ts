import type { Logger } from '@rz/service-kit';
import type { DataSource } from 'typeorm';
import { seedMonuments } from './monuments.seed';
import { seedDemoQrCodes } from './qr-codes.seed';
import { seedDemoRoutes } from './routes.seed';

/** Reference monuments first; QR codes and routes refer to them. Idempotent. */
export async function seedRukhaniQazyna(db: DataSource, logger: Logger): Promise<void> {
  await seedMonuments(db, logger);
  await seedDemoQrCodes(db, logger);
  await seedDemoRoutes(db, logger);
}
