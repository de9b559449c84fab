import type { Logger } from '@rz/service-kit';
import type { DataSource } from 'typeorm';
import { seedDistrictReports } from './district-reports.seed';
import { seedProjects } from './projects.seed';

export async function seedDemo(db: DataSource, logger: Logger): Promise<void> {
  await seedProjects(db, logger);
  await seedDistrictReports(db, logger);
}
