import { ReviewedRecordColumns } from '@rz/subgraph-runtime';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DistrictReportStatus } from './district-report.enums';

/** A district's (or a city's without districts) report to its regional project office for one period. */
@Entity('district_report')
export class DistrictReportEntity extends ReviewedRecordColumns {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'territory_code' }) territoryCode: string;
  @Column('text', { name: 'region_code' }) regionCode: string;
  @Column('date', { name: 'period_start' }) periodStart: string;
  /** A second or fourth Friday; the report is due that day. */
  @Column('date', { name: 'period_end' }) periodEnd: string;
  @Column('text', { default: DistrictReportStatus.DRAFT }) status: DistrictReportStatus;

  /** What changed for people in the period: results, not meetings. */
  @Column('text', { nullable: true }) results: string | null;
  @Column('text', { nullable: true }) problems: string | null;
  @Column('text', { name: 'next_steps', nullable: true }) nextSteps: string | null;

  /** The territory's figures read through the gateway at the last submission, kept unchanged. */
  @Column('jsonb', { nullable: true }) snapshot: Record<string, unknown> | null;
  @Column('timestamptz', { name: 'snapshot_at', nullable: true }) snapshotAt: Date | null;
}
