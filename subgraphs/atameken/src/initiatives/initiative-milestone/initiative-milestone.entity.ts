import type { LocalizedColumns } from '@rz/schema';
import { LocalizedTextColumns } from '@rz/subgraph-runtime';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A dated step of an initiative in progress, with the progress reached, titled and described in kk, ru and en. */
@Entity('initiative_milestone')
@LocalizedTextColumns('title', 'description')
export class InitiativeMilestoneEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'initiative_id' })
  initiativeId: string;

  /** Calendar day it happened, YYYY-MM-DD. */
  @Column('date', { name: 'happened_on' })
  happenedOn: string;

  @Column('smallint') progress: number;

  /** Who recorded it (the author or an officer); never published. */
  @Column('text', { name: 'author_subject' })
  authorSubject: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

// The text columns LocalizedTextColumns maps, for the type checker.
export interface InitiativeMilestoneEntity extends LocalizedColumns<'title' | 'description'> {}
