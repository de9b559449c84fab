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

  /** Personal data: only compared with the viewer, never published. */
  @Column('text', { name: 'author_subject' })
  authorSubject: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
