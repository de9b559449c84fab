import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSchoolEnrolment20261122020300 implements MigrationInterface {
  name = 'CreateSchoolEnrolment20261122020300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE school_enrolment (
        territory_code text NOT NULL CHECK (territory_code ~ '^[0-9]{9}$'),
        school_year integer NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
        students integer NOT NULL CHECK (students BETWEEN 0 AND 10000000),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (territory_code, school_year)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE school_enrolment`);
  }
}
