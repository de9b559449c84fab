import { Column, Entity, PrimaryColumn } from 'typeorm';
import { QrCodeStatus } from './qr-code.enums';

/** A QR code placed (or to be placed) on one monument. */
@Entity('qr_code')
export class QrCodeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'monument_id' })
  monumentId: string;

  /** Short code in the link /q/<code>: uppercase letters and digits. */
  @Column('text') code: string;
  @Column('text') status: QrCodeStatus;

  /** Day the plate was placed on site. */
  @Column('date', { name: 'placed_on', nullable: true }) placedOn: string | null;

  /** Public label of who installed it (an akimat, a culture department, a contractor). */
  @Column('text', { name: 'installed_by', nullable: true }) installedBy: string | null;

  /** Audit trail: who recorded the installation and who issued the code; never published. */
  @Column('text', { name: 'installer_subject', nullable: true }) installerSubject: string | null;
  @Column('text', { name: 'issued_by_subject' }) issuedBySubject: string;

  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
