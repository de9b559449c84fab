import type { LocalizedColumns } from '@rz/schema';
import { LocalizedTextColumns } from '@rz/subgraph-runtime';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { bigintAsNumber } from '../../shared/bigint';
import { InitiativeAuthorKind, InitiativeCategory, InitiativeDirection, InitiativeKind, InitiativeStatus } from './initiative.enums';

/** Title and description in kk, ru and en; the result once implemented. */
@Entity('initiative')
@LocalizedTextColumns('title', 'description', 'result')
export class InitiativeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text') kind: InitiativeKind;
  @Column('text') direction: InitiativeDirection;
  @Column('text') category: InitiativeCategory;

  @Column('text', { name: 'territory_code' })
  territoryCode: string;

  @Column('double precision', { nullable: true }) lat: number | null;
  @Column('double precision', { nullable: true }) lon: number | null;

  /** Cost in whole tenge. */
  @Column('bigint', { transformer: bigintAsNumber })
  estimate: number;

  @Column('text') status: InitiativeStatus;

  /** Why it was rejected or withdrawn. */
  @Column('text', { name: 'status_reason', nullable: true })
  statusReason: string | null;

  /** Personal data: only compared with the viewer, never published. */
  @Column('text', { name: 'author_subject' })
  authorSubject: string;

  @Column('text', { name: 'author_kind' })
  authorKind: InitiativeAuthorKind;

  /** Name of the proposing NGO: an organisation, so public. */
  @Column('text', { name: 'author_organisation', nullable: true })
  authorOrganisation: string | null;

  /** The akimat responsible for the initiative: the nearest staffed one up the tree. */
  @Column('text', { name: 'responsible_territory_code' })
  responsibleTerritoryCode: string;

  /** Tenge the akimat's budget decision covers. */
  @Column('bigint', { name: 'budget_amount', transformer: bigintAsNumber })
  budgetAmount: number;

  @Column('text', { name: 'budget_decision', nullable: true })
  budgetDecision: string | null;

  /** Percentage of the work done, from the latest milestone. */
  @Column('smallint') progress: number;

  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt: Date | null;
  @Column('timestamptz', { name: 'implemented_at', nullable: true }) implementedAt: Date | null;

  @Column('integer', { name: 'people_served', nullable: true })
  peopleServed: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

// The text columns LocalizedTextColumns maps, for the type checker.
export interface InitiativeEntity extends LocalizedColumns<'title' | 'description' | 'result'> {}
