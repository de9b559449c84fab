import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InitiativeParticipantKind } from './initiative-implementation.type';

/** An organisation or patron named in an implementation record (public names only). */
@Entity('initiative_participant')
export class InitiativeParticipantEntity {
  @PrimaryColumn('uuid', { name: 'initiative_id' })
  initiativeId: string;

  @PrimaryColumn('smallint')
  position: number;

  @Column('text') kind: InitiativeParticipantKind;
  @Column('text') name: string;
}
