import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../../shared/bigint';
import type { InitiativePledgeStatus } from './initiative-pledge.type';

/** An amount a patron promises towards an initiative's estimate. */
@Entity('initiative_pledge')
export class InitiativePledgeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'initiative_id' })
  initiativeId: string;

  /** Personal data: only compared with the viewer, never published. */
  @Column('text', { name: 'pledger_subject' })
  pledgerSubject: string;

  /** The company or NGO pledging (public); null for a private person, who is never named. */
  @Column('text', { nullable: true })
  organisation: string | null;

  @Column('bigint', { transformer: bigintAsNumber })
  amount: number;

  @Column('text') status: InitiativePledgeStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'cancelled_at', nullable: true })
  cancelledAt: Date | null;
}
