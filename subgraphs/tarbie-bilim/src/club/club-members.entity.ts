import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How many students a club had in one school year. */
@Entity('local_history_club_members')
export class LocalHistoryClubMembersEntity {
  @PrimaryColumn('uuid', { name: 'club_id' }) clubId: string;
  /** The year the school year starts in. */
  @PrimaryColumn('integer', { name: 'school_year' }) schoolYear: number;
  @Column('integer') members: number;
}
