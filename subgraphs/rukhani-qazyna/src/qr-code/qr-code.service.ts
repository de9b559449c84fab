import { randomInt } from 'node:crypto';
import { badUserInput, conflict, invalidTransition, type Lang, notFound, todayInKazakhstan } from '@rz/schema';
import { newId } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import type { DataSource, EntityManager } from 'typeorm';
import { managesTerritory, requireManagesTerritory } from '../access/rukhani-qazyna-access';
import { MonumentEntity } from '../monument/monument.entity';
import { monumentByIdLoader } from '../monument/monument.loader';
import { QrCodeStatus, type QrScanDevice } from './qr-code.enums';
import { QrCodeEntity } from './qr-code.entity';
import type { MarkQrCodeInstalledInput } from './qr-code.input';
import { qrCodesByMonumentLoader, qrScanCountLoader } from './qr-code.loader';
import { QrScanEntity } from './qr-scan.entity';
import type { RukhaniQazynaContext } from '../context';

/** No 0/O, 1/I/L: codes are also typed by hand from a worn plate. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;
/** What may follow /q/ (case-insensitive); anything else is not a code. */
export const QR_CODE_PATTERN = /^[0-9A-Za-z]{4,32}$/;

export function generateQrCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** A code as typed or scanned, normalised to how it is stored; null if it cannot be one. */
export function normaliseQrCode(raw: string): string | null {
  return QR_CODE_PATTERN.test(raw) ? raw.toUpperCase() : null;
}

export async function findQrCode(db: DataSource, raw: string): Promise<QrCodeEntity | null> {
  const code = normaliseQrCode(raw);
  return code ? db.getRepository(QrCodeEntity).findOneBy({ code }) : null;
}

/** Counts one scan. The caller passes only the derived language and device class. */
export async function recordQrScan(db: DataSource, qr: QrCodeEntity, lang: Lang, device: QrScanDevice, at = new Date()): Promise<void> {
  await db.getRepository(QrScanEntity).insert({ id: newId(), qrCodeId: qr.id, monumentId: qr.monumentId, scannedAt: at, lang, device });
}

/** Which moves a code may make; installing again after removal is a replacement plate. */
const NEXT: Record<QrCodeStatus, QrCodeStatus[]> = {
  [QrCodeStatus.ISSUED]: [QrCodeStatus.INSTALLED],
  [QrCodeStatus.INSTALLED]: [QrCodeStatus.REMOVED],
  [QrCodeStatus.REMOVED]: [QrCodeStatus.INSTALLED],
};

export class QrCodeService {
  constructor(private readonly ctx: RukhaniQazynaContext) {}

  /**
   * A code only issued (not yet on site) is work in progress of those who place it: editors and
   * akimat officers whose scope covers the monument. Installed and removed codes are public.
   */
  private maySee(qr: QrCodeEntity, monument: MonumentEntity): boolean {
    return qr.status !== QrCodeStatus.ISSUED || managesTerritory(this.ctx.viewer, monument.territoryCode);
  }

  async byCode(raw: string): Promise<QrCodeEntity | null> {
    const qr = await findQrCode(this.ctx.db, raw);
    if (!qr) return null;
    const monument = await this.ctx.loaders.get(monumentByIdLoader).load(qr.monumentId);
    return monument && this.maySee(qr, monument) ? qr : null;
  }

  async forMonument(monument: MonumentEntity): Promise<QrCodeEntity[]> {
    const codes = await this.ctx.loaders.get(qrCodesByMonumentLoader).load(monument.id);
    return codes.filter((qr) => this.maySee(qr, monument));
  }

  scanCount(code: QrCodeEntity): Promise<number> {
    return this.ctx.loaders.get(qrScanCountLoader).load(code.id);
  }

  /** Issues a new code for a monument (editors, or akimat officers for monuments in their territory). */
  async issue(monumentId: string): Promise<QrCodeEntity> {
    if (!isUUID(monumentId)) throw notFound('Monument', monumentId, 'monumentId');
    const monument = await this.ctx.db.getRepository(MonumentEntity).findOneBy({ id: monumentId });
    if (!monument) throw notFound('Monument', monumentId, 'monumentId');
    const viewer = requireManagesTerritory(this.ctx.viewer, monument.territoryCode, 'issue QR codes for this monument');
    // A random collision is rare; retry with a fresh code rather than fail.
    for (let attempt = 0; attempt < 5; attempt++) {
      const now = new Date();
      const row: QrCodeEntity = {
        id: newId(),
        monumentId,
        code: generateQrCode(),
        status: QrCodeStatus.ISSUED,
        placedOn: null,
        installedBy: null,
        installerSubject: null,
        issuedBySubject: viewer.subject,
        createdAt: now,
        updatedAt: now,
      };
      const result = await this.ctx.db.createQueryBuilder().insert().into(QrCodeEntity).values(row).orIgnore().returning('id').execute();
      if (result.raw.length) return row;
    }
    throw conflict('Could not allocate a unique QR code; try again');
  }

  async markInstalled(id: string, input: MarkQrCodeInstalledInput): Promise<QrCodeEntity> {
    return this.move(id, QrCodeStatus.INSTALLED, 'record the installation of this QR code', (viewer) => {
      const installedBy = input.installedBy.trim();
      if (installedBy.length < 2) throw badUserInput('input.installedBy', 'Name the organisation or role that installed the code');
      if (input.placedOn > todayInKazakhstan()) throw badUserInput('input.placedOn', 'The placement day cannot be in the future');
      return { placedOn: input.placedOn, installedBy, installerSubject: viewer };
    });
  }

  markRemoved(id: string): Promise<QrCodeEntity> {
    return this.move(id, QrCodeStatus.REMOVED, 'record the removal of this QR code', () => ({}));
  }

  /**
   * Locks the code, checks the viewer's scope over its monument, then the lifecycle, then the
   * input (in `changes`): a refused caller learns nothing about the code's state.
   */
  private async move(
    id: string,
    to: QrCodeStatus,
    what: string,
    changes: (viewerSubject: string) => Partial<QrCodeEntity>,
  ): Promise<QrCodeEntity> {
    if (!isUUID(id)) throw notFound('QrCode', id, 'id');
    return this.ctx.db.transaction(async (manager: EntityManager) => {
      const qr = await manager.findOne(QrCodeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!qr) throw notFound('QrCode', id, 'id');
      const monument = await manager.findOneByOrFail(MonumentEntity, { id: qr.monumentId });
      const viewer = requireManagesTerritory(this.ctx.viewer, monument.territoryCode, what);
      if (!NEXT[qr.status].includes(to)) throw invalidTransition('QrCode', qr.status, to);
      const update = { ...changes(viewer.subject), status: to, updatedAt: new Date() };
      await manager.update(QrCodeEntity, { id }, update);
      return Object.assign(qr, update);
    });
  }
}
