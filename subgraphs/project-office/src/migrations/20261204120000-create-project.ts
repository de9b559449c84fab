import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProject20261204120000 implements MigrationInterface {
  name = 'CreateProject20261204120000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE project (
        id uuid PRIMARY KEY,
        subprogramme text NOT NULL CHECK (subprogramme IN ('tarbie-bilim','atameken','rukhani-qazyna','aqparat-tolqyny')),
        base_project text NOT NULL CHECK (length(trim(base_project)) BETWEEN 1 AND 200),
        title text NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 300),
        territory_code text NOT NULL CHECK (territory_code ~ '^[0-9]{9}$'),
        region_code text NOT NULL CHECK (region_code ~ '^[0-9]{9}$'),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        goal text NOT NULL CHECK (length(trim(goal)) BETWEEN 1 AND 4000),
        measurable_result text NOT NULL CHECK (length(trim(measurable_result)) BETWEEN 1 AND 4000),
        status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED','ACTIVE','COMPLETED','CANCELLED')),
        created_by text NOT NULL,
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (starts_on <= ends_on)
      )`);
    await q.query(`CREATE INDEX project_territory_code_idx ON project (territory_code)`);
    await q.query(`CREATE INDEX project_region_status_idx ON project (region_code, status)`);

    await q.query(`
      CREATE TABLE project_budget (
        project_id uuid NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        source text NOT NULL CHECK (source IN ('REPUBLICAN','LOCAL','SPONSOR','OTHER')),
        amount bigint NOT NULL CHECK (amount >= 0),
        PRIMARY KEY (project_id, source)
      )`);

    await q.query(`
      CREATE TABLE project_member (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('CURATOR','HEAD','CHIEF_MANAGER','ADMINISTRATOR','MANAGER','PROJECT_MANAGER','EXPERT','TASK_EXECUTOR')),
        person_name text NOT NULL CHECK (length(trim(person_name)) BETWEEN 1 AND 200),
        position text CHECK (length(trim(position)) BETWEEN 1 AND 300)
      )`);
    await q.query(`CREATE INDEX project_member_project_id_idx ON project_member (project_id)`);

    // The reverse side (Event.projects, ...) reads by subject.
    await q.query(`
      CREATE TABLE project_link (
        project_id uuid NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('EVENT','INITIATIVE','MONUMENT','MEDIA_PLAN','FACE')),
        subject_id uuid NOT NULL,
        PRIMARY KEY (project_id, kind, subject_id)
      )`);
    await q.query(`CREATE INDEX project_link_subject_idx ON project_link (kind, subject_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE project_link`);
    await q.query(`DROP TABLE project_member`);
    await q.query(`DROP TABLE project_budget`);
    await q.query(`DROP TABLE project`);
  }
}
