import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A placing or award of one confirmed registration of a completed competition or olympiad. */
@Entity('event_result')
export class EventResultEntity {
  @PrimaryColumn('uuid', { name: 'registration_id' }) registrationId: string;
  @Column('uuid', { name: 'event_id' }) eventId: string;
  // PLACING is a reserved word in PostgreSQL.
  @Column('integer', { name: 'place', nullable: true }) placing: number | null;
  @Column('text', { nullable: true }) award: string | null;
}
