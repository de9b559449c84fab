import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateLocalHistoryClub20261122020200 implements MigrationInterface {
  name = 'CreateLocalHistoryClub20261122020200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE local_history_club (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 300),
        school text NOT NULL CHECK (length(trim(school)) BETWEEN 1 AND 300),
        territory_code text NOT NULL CHECK (territory_code ~ '^[0-9]{9}$'),
        leader text NOT NULL CHECK (length(trim(leader)) BETWEEN 1 AND 200),
        founded_year integer CHECK (founded_year BETWEEN 1900 AND 2100),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX local_history_club_territory_code_idx ON local_history_club (territory_code)`);
    await q.query(`
      CREATE TABLE local_history_club_members (
        club_id uuid NOT NULL REFERENCES local_history_club (id) ON DELETE CASCADE,
        school_year integer NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
        members integer NOT NULL CHECK (members BETWEEN 0 AND 10000),
        PRIMARY KEY (club_id, school_year)
      )`);
    await q.query(`CREATE INDEX local_history_club_members_school_year_idx ON local_history_club_members (school_year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE local_history_club_members`);
    await q.query(`DROP TABLE local_history_club`);
  }
}
