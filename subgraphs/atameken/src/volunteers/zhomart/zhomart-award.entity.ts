import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ZhomartNomination, ZhomartPeriodKind } from './zhomart.enums';

/** A confirmed Zhomart Zhurek winner. */
@Entity('zhomart_award')
export class ZhomartAwardEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text') nomination: ZhomartNomination;

  /** KATO code of the district, city or region; null for the republic. */
  @Column('text', { name: 'scope_code', nullable: true }) scopeCode: string | null;

  @Column('text', { name: 'period_kind' }) periodKind: ZhomartPeriodKind;
  @Column('date', { name: 'period_start' }) periodStart: string;
  @Column('date', { name: 'period_end' }) periodEnd: string;

  @Column('uuid', { name: 'volunteer_id', nullable: true }) volunteerId: string | null;
  @Column('uuid', { name: 'patron_pledge_id', nullable: true }) patronPledgeId: string | null;

  /** The winning patron's account; never published. */
  @Column('text', { name: 'patron_subject', nullable: true }) patronSubject: string | null;

  /** The winning patron's organisation (public); null for a private person. */
  @Column('text', { name: 'patron_organisation', nullable: true }) patronOrganisation: string | null;

  @Column('text', { name: 'nominee_name', nullable: true }) nomineeName: string | null;
  @Column('integer', { nullable: true }) rank: number | null;
  @Column('numeric', { nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  score: number | null;

  @Column('text', { nullable: true }) citation: string | null;

  /** Committee member who confirmed it; never published. */
  @Column('text', { name: 'confirmed_by_subject' }) confirmedBySubject: string;
  @Column('text', { name: 'confirmed_by_role' }) confirmedByRole: 'ADMIN' | 'PROJECT_OFFICE';
  @Column('timestamptz', { name: 'confirmed_at' }) confirmedAt: Date;
}
