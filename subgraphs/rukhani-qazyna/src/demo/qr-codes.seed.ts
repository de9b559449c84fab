import { createHash } from 'node:crypto';
import { type Logger } from '@rz/service-kit';
import { stableId } from '@rz/subgraph-runtime';
import type { DataSource } from 'typeorm';
import { MonumentEntity } from '../monument/monument.entity';
import { QrCodeStatus } from '../qr-code/qr-code.enums';
import { QrCodeEntity } from '../qr-code/qr-code.entity';
import { CODE_ALPHABET, CODE_LENGTH } from '../qr-code/qr-code.service';
import { monumentDemoId } from './monuments.seed';

/** A demo code that stays the same across databases, so demo links keep working. */
export function demoQrCode(siteId: string): string {
  const digest = createHash('sha256').update(`qr-code:${siteId}`).digest();
  return Array.from({ length: CODE_LENGTH }, (_, i) => CODE_ALPHABET[digest[i] % CODE_ALPHABET.length]).join('');
}

/**
 * One issued (not installed) code for each reference monument with coordinates, so the
 * /q/ links can be tried. Nothing is claimed as installed, and no scans are invented.
 */
export async function seedDemoQrCodes(db: DataSource, logger: Logger): Promise<void> {
  const monuments = await db.getRepository(MonumentEntity).createQueryBuilder('m').where('m.sourceId IS NOT NULL AND m.lat IS NOT NULL').getMany();
  const at = new Date(Date.UTC(2026, 0, 1));
  const rows = monuments
    .filter((m) => m.id === monumentDemoId(m.sourceId!))
    .map((m) => ({
      id: stableId(`qr-code:${m.sourceId}`),
      monumentId: m.id,
      code: demoQrCode(m.sourceId!),
      status: QrCodeStatus.ISSUED,
      placedOn: null,
      installedBy: null,
      installerSubject: null,
      issuedBySubject: 'demo-seed',
      createdAt: at,
      updatedAt: at,
    }));
  if (!rows.length) return;
  const result = await db.createQueryBuilder().insert().into(QrCodeEntity).values(rows).orIgnore().returning('id').execute();
  logger.info({ issued: result.raw.length }, 'demo QR codes');
}
