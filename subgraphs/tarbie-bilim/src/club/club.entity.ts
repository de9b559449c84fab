import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A local history club or circle at a school. */
@Entity('local_history_club')
export class LocalHistoryClubEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text') school: string;
  @Column('text', { name: 'territory_code' }) territoryCode: string;
  /** The teacher leading the club, as the school publishes it. */
  @Column('text') leader: string;
  @Column('integer', { name: 'founded_year', nullable: true }) foundedYear: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
