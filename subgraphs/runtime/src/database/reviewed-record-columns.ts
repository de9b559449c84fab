import { Column, CreateDateColumn, UpdateDateColumn } from 'typeorm';

/**
 * The columns of a record that is drafted, submitted and then accepted or returned with remarks
 * by a reviewer (media plans, district reports). Entities extend it; TypeORM maps inherited columns.
 */
export abstract class ReviewedRecordColumns {
  /** The reviewer's remarks from the latest review. */
  @Column('text', { nullable: true }) remarks: string | null;
  @Column('text', { name: 'created_by' }) createdBy: string;
  @Column('timestamptz', { name: 'submitted_at', nullable: true }) submittedAt: Date | null;
  /** Who submitted it last (told when it is returned); null before the column existed. */
  @Column('text', { name: 'submitted_by', nullable: true }) submittedBy: string | null;
  @Column('timestamptz', { name: 'reviewed_at', nullable: true }) reviewedAt: Date | null;
  @Column('text', { name: 'reviewed_by', nullable: true }) reviewedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
