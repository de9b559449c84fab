import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { VolunteerHelpKind } from '../volunteer/volunteer.enums';
import type { PersonInNeedStatus } from './person-in-need.type';

/** Someone on the map of people in need; public fields are anonymous, contacts are released under audit. */
@Entity('person_in_need')
export class PersonInNeedEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'territory_code' })
  territoryCode: string;

  @Column('text', { array: true }) needs: VolunteerHelpKind[];
  @Column('text') status: PersonInNeedStatus;

  /** The person's own account, when they registered themselves: they confirm help given to them. Never published. */
  @Column('text', { nullable: true }) subject: string | null;

  /** Who put the person on the map (themselves, an officer, an NGO). Never published. */
  @Column('text', { name: 'registered_by_subject' })
  registeredBySubject: string;

  @Column('text', { name: 'contact_name' }) contactName: string;
  @Column('text', { name: 'contact_phone', nullable: true }) contactPhone: string | null;
  @Column('text', { nullable: true }) address: string | null;
  @Column('text', { nullable: true }) note: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
