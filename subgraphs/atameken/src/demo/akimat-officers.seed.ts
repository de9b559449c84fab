import { kato } from '@rz/schema';
import { type Logger } from '@rz/service-kit';
import { stableId } from '@rz/subgraph-runtime';
import { In, type DataSource } from 'typeorm';
import { AkimatOfficerEntity } from '../civic-control/akimat/akimat-officer.entity';

/** Akimats with a registered officer in the demo; complaints elsewhere route up to these or to their region. */
export const DEMO_STAFFED_AKIMATS: readonly string[] = [
  '750000000', // Almaty
  '751710000', // Almaty, Medeu district
  '710000000', // Astana
  '790000000', // Shymkent
  '310000000', // Zhambyl region
  '311010000', // Taraz
  '610000000', // Turkistan region
  '611010000', // Turkistan
];

/** The demo officer of an akimat; a token with this subject and territory acts as them. */
export function demoOfficerSubject(territoryCode: string): string {
  return `demo-akimat-${territoryCode}`;
}

export function demoAkimatOfficers(): AkimatOfficerEntity[] {
  return DEMO_STAFFED_AKIMATS.map((code) =>
    Object.assign(new AkimatOfficerEntity(), {
      id: stableId(`akimat-officer:${code}`),
      officerSubject: demoOfficerSubject(kato().require(code).code),
      territoryCode: code,
      // A post, not a person: demo data names nobody.
      displayName: `Специалист акимата: ${kato().require(code).names.ru}`,
      createdAt: new Date('2026-01-15T09:00:00+05:00'),
    }),
  );
}

export async function seedAkimatOfficers(db: DataSource, logger: Logger): Promise<void> {
  const rows = demoAkimatOfficers();
  const repository = db.getRepository(AkimatOfficerEntity);
  const existing = new Set((await repository.find({ select: { id: true }, where: { id: In(rows.map((r) => r.id)) } })).map((r) => r.id));
  const fresh = rows.filter((r) => !existing.has(r.id));
  if (fresh.length) await repository.insert(fresh);
  logger.info({ inserted: fresh.length, skipped: existing.size }, 'demo akimat officers');
}
