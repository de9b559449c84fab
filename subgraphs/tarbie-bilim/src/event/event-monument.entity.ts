import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A monument an event visits, in visiting order. The monument itself belongs to rukhani-qazyna. */
@Entity('event_monument')
export class EventMonumentEntity {
  @PrimaryColumn('uuid', { name: 'event_id' }) eventId: string;
  @PrimaryColumn('integer') position: number;
  @Column('uuid', { name: 'monument_id' }) monumentId: string;
}
