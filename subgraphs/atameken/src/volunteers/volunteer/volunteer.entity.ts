import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { VolunteerHelpKind, VolunteerWeekday } from './volunteer.enums';

/** A volunteer's profile; public fields are anonymous, contacts are released only under audit. */
@Entity('volunteer')
export class VolunteerEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Personal data: only compared with the viewer, never published. */
  @Column('text', { unique: true })
  subject: string;

  @Column('text', { name: 'help_kinds', array: true }) helpKinds: VolunteerHelpKind[];
  @Column('text', { name: 'available_days', array: true }) availableDays: VolunteerWeekday[];

  /** HH:MM:SS, local time. */
  @Column('time', { name: 'available_from' }) availableFrom: string;
  @Column('time', { name: 'available_to' }) availableTo: string;

  @Column('text', { name: 'territory_code' })
  territoryCode: string;

  @Column('boolean', { name: 'has_car' })
  hasCar: boolean;

  /** Contacts: personal data, released one record at a time to verified identities. */
  @Column('text', { name: 'contact_name' }) contactName: string;
  @Column('text', { name: 'contact_phone', nullable: true }) contactPhone: string | null;
  @Column('text', { name: 'contact_email', nullable: true }) contactEmail: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
