import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An officer of the akimat of a territory: complaints and initiatives are routed by these rows. */
@Entity('akimat_officer')
export class AkimatOfficerEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Token subject of the official; shown to admins only. */
  @Column('text', { name: 'officer_subject' })
  officerSubject: string;

  @Column('text', { name: 'territory_code' })
  territoryCode: string;

  /** How staff see the official in complaint histories; never published. */
  @Column('text', { name: 'display_name', nullable: true })
  displayName: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
