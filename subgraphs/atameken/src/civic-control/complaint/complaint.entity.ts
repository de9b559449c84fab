import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ComplaintStatus, ComplaintTopic } from './complaint.enums';

@Entity('complaint')
export class ComplaintEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text') topic: ComplaintTopic;
  @Column('text') text: string;

  @Column('text', { name: 'territory_code' })
  territoryCode: string;

  @Column('double precision', { nullable: true }) lat: number | null;
  @Column('double precision', { nullable: true }) lon: number | null;

  /** A rukhani-qazyna Monument, by id only: that subgraph owns it. */
  @Column('uuid', { name: 'monument_id', nullable: true })
  monumentId: string | null;

  @Column('text') status: ComplaintStatus;

  /** The akimat the complaint was routed to: the nearest territory up the tree with an officer. Public. */
  @Column('text', { name: 'responsible_territory_code' })
  responsibleTerritoryCode: string;

  /** Calendar day (YYYY-MM-DD, Kazakhstan) by which the akimat should resolve it. */
  @Column('date', { name: 'due_on' })
  dueOn: string;

  /** When it was last resolved (by state bodies or citizens); null unless it is resolved now. */
  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;

  /** The original complaint, for a DUPLICATE. */
  @Column('uuid', { name: 'duplicate_of_id', nullable: true })
  duplicateOfId: string | null;

  /** The officer who accepted it; personal data of an official, never published. */
  @Column('text', { name: 'assigned_officer_subject', nullable: true })
  assignedOfficerSubject: string | null;

  /** Personal data: only compared with the viewer, never published. */
  @Column('text', { name: 'author_subject' })
  authorSubject: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
