import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EventParticipantKind, EventRegistrationStatus } from './registration.enums';

/** A person's registration for an event. Personal data: only the person and the event's organisers see it. */
@Entity('event_registration')
export class EventRegistrationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'event_id' }) eventId: string;
  /** Token subject of the participant; never exposed. */
  @Column('text', { name: 'participant_subject' }) participantSubject: string;
  /** Personal data: resolved for the event's organisers only. */
  @Column('text', { name: 'participant_name', nullable: true }) participantName: string | null;
  @Column('text', { name: 'participant_kind' }) participantKind: EventParticipantKind;
  @Column('smallint', { nullable: true }) grade: number | null;
  @Column('text') school: string;
  @Column('text', { name: 'school_territory_code' }) schoolTerritoryCode: string;
  @Column('text') status: EventRegistrationStatus;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt: Date;
  @Column('timestamptz', { name: 'confirmed_at', nullable: true }) confirmedAt: Date | null;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt: Date | null;
}
