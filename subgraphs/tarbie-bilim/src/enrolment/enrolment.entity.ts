import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Students enrolled in the schools of a territory in one school year, as entered by an officer or editor. */
@Entity('school_enrolment')
export class SchoolEnrolmentEntity {
  @PrimaryColumn('text', { name: 'territory_code' }) territoryCode: string;
  @PrimaryColumn('integer', { name: 'school_year' }) schoolYear: number;
  @Column('integer') students: number;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
