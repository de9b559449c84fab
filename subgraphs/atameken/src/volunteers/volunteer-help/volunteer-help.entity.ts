import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { VolunteerHelpKind } from '../volunteer/volunteer.enums';
import type { VolunteerHelpDecider, VolunteerHelpStatus } from './volunteer-help.type';

/** "I helped N people on this day": counts for the volunteer once confirmed. */
@Entity('volunteer_help_record')
export class VolunteerHelpRecordEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'volunteer_id' }) volunteerId: string;
  @Column('date', { name: 'helped_on' }) helpedOn: string;
  @Column('integer', { name: 'people_helped' }) peopleHelped: number;
  @Column('text', { name: 'territory_code' }) territoryCode: string;
  @Column('uuid', { name: 'initiative_id', nullable: true }) initiativeId: string | null;

  /** The person helped, if on the map; never published. */
  @Column('uuid', { name: 'person_in_need_id', nullable: true }) personInNeedId: string | null;

  @Column('text', { name: 'help_kind' }) helpKind: VolunteerHelpKind;
  @Column('text') status: VolunteerHelpStatus;
  @Column('text', { name: 'decided_by_role', nullable: true }) decidedByRole: VolunteerHelpDecider | null;

  /** Who confirmed or rejected it; never published. */
  @Column('text', { name: 'decided_by_subject', nullable: true }) decidedBySubject: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @Column('text', { name: 'decision_note', nullable: true }) decisionNote: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
