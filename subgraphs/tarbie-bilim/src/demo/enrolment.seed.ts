import { kato } from '@rz/schema';
import type { Logger } from '@rz/service-kit';
import type { DataSource } from 'typeorm';
import { SchoolEnrolmentEntity } from '../enrolment/enrolment.entity';

/** Illustrative enrolment numbers (students), per territory and school year. */
export const DEMO_ENROLMENT: readonly { territory: string; schoolYear: number; students: number }[] = [
  { territory: '750000000', schoolYear: 2025, students: 318_000 },
  { territory: '750000000', schoolYear: 2026, students: 326_500 },
  { territory: '751710000', schoolYear: 2026, students: 24_800 },
  { territory: '751110000', schoolYear: 2026, students: 27_300 },
  { territory: '610000000', schoolYear: 2026, students: 512_000 },
  { territory: '611010000', schoolYear: 2026, students: 41_200 },
  { territory: '790000000', schoolYear: 2026, students: 262_000 },
  { territory: '310000000', schoolYear: 2026, students: 228_000 },
  { territory: '710000000', schoolYear: 2026, students: 243_000 },
  { territory: '550000000', schoolYear: 2026, students: 104_500 },
];

/** Inserts the enrolment numbers not yet entered; numbers entered since are kept. */
export async function seedEnrolment(db: DataSource, logger: Logger): Promise<void> {
  for (const e of DEMO_ENROLMENT) kato().require(e.territory, 'demo enrolment');
  const result = await db
    .createQueryBuilder()
    .insert()
    .into(SchoolEnrolmentEntity)
    .values(DEMO_ENROLMENT.map((e) => ({ territoryCode: e.territory, schoolYear: e.schoolYear, students: e.students })))
    .orIgnore()
    .execute();
  logger.info({ inserted: result.identifiers.filter(Boolean).length }, 'demo school enrolment');
}
