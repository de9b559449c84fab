import { listByKeyLoader, type SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';
import { QrCodeStatus, QrScanDevice } from './qr-code.enums';
import { QrCodeEntity } from './qr-code.entity';

/** QR codes of each monument, oldest first. */
export const qrCodesByMonumentLoader = listByKeyLoader(QrCodeEntity, 'monumentId', { order: { id: 'ASC' } });

/** Scans by people (bots excluded) per QR code, all time. */
export function qrScanCountLoader({ db }: SubgraphContext): DataLoader<string, number> {
  return new DataLoader(async (codeIds) => {
    const rows: { qr_code_id: string; scans: number }[] = await db.query(
      `SELECT qr_code_id, count(*)::int AS scans FROM qr_scan WHERE qr_code_id = ANY($1) AND device <> $2 GROUP BY qr_code_id`,
      [[...codeIds], QrScanDevice.BOT],
    );
    const byCode = new Map(rows.map((r) => [r.qr_code_id, r.scans]));
    return codeIds.map((id) => byCode.get(id) ?? 0);
  });
}

export const isInstalled = (code: QrCodeEntity) => code.status === QrCodeStatus.INSTALLED;
