import { Lang } from '@rz/schema';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { QrScanDevice } from './qr-code.enums';

/** One scan of a QR code: when, which language the reader was sent to, which kind of device. Nothing else. */
@Entity('qr_scan')
export class QrScanEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'qr_code_id' }) qrCodeId: string;
  /** Copied from the code, so visit rankings need no join. */
  @Column('uuid', { name: 'monument_id' }) monumentId: string;
  @Column('timestamptz', { name: 'scanned_at' }) scannedAt: Date;
  @Column('text') lang: Lang;
  @Column('text') device: QrScanDevice;
}
