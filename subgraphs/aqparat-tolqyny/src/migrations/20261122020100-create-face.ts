import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFace20261122020100 implements MigrationInterface {
  name = 'CreateFace20261122020100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE face (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
        territory_code text NOT NULL CHECK (territory_code ~ '^[0-9]{9}$'),
        region_code text NOT NULL CHECK (region_code ~ '^[0-9]{9}$'),
        sphere text NOT NULL CHECK (sphere IN ('BUSINESS','CULTURE','SCIENCE','SPORT','EDUCATION','MEDICINE','PUBLIC_SERVICE','VOLUNTEERING','OTHER')),
        story_kk text CHECK (length(story_kk) <= 20000),
        story_ru text CHECK (length(story_ru) <= 20000),
        story_en text CHECK (length(story_en) <= 20000),
        nominated_by text NOT NULL CHECK (length(trim(nominated_by)) BETWEEN 1 AND 300),
        nominator_subject text NOT NULL,
        status text NOT NULL DEFAULT 'NOMINATED' CHECK (status IN ('NOMINATED','SHORTLISTED','SELECTED','FEATURED','DECLINED')),
        decline_reason text CHECK (length(trim(decline_reason)) BETWEEN 1 AND 2000),
        featured_at timestamptz,
        featured_item_id uuid REFERENCES media_item (id),
        nominated_at timestamptz NOT NULL DEFAULT now(),
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (coalesce(length(trim(story_kk)), 0) + coalesce(length(trim(story_ru)), 0) + coalesce(length(trim(story_en)), 0) > 0),
        CHECK ((status = 'DECLINED') = (decline_reason IS NOT NULL)),
        CHECK ((status = 'FEATURED') = (featured_at IS NOT NULL AND featured_item_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX face_territory_code_idx ON face (territory_code)`);
    await q.query(`CREATE INDEX face_region_status_idx ON face (region_code, status)`);

    // One support per person and nomination; the subject is personal data and never leaves the database.
    await q.query(`
      CREATE TABLE face_support (
        face_id uuid NOT NULL REFERENCES face (id) ON DELETE CASCADE,
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (face_id, subject)
      )`);

    // Audit of every status change: who moved it, or which published item featured it.
    await q.query(`
      CREATE TABLE face_status_change (
        id uuid PRIMARY KEY,
        face_id uuid NOT NULL REFERENCES face (id) ON DELETE CASCADE,
        from_status text CHECK (from_status IN ('NOMINATED','SHORTLISTED','SELECTED','FEATURED','DECLINED')),
        to_status text NOT NULL CHECK (to_status IN ('NOMINATED','SHORTLISTED','SELECTED','FEATURED','DECLINED')),
        reason text CHECK (length(reason) <= 2000),
        changed_by text NOT NULL,
        media_item_id uuid REFERENCES media_item (id),
        changed_at timestamptz NOT NULL DEFAULT now(),
        CHECK (to_status <> 'FEATURED' OR media_item_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX face_status_change_face_id_idx ON face_status_change (face_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE face_status_change`);
    await q.query(`DROP TABLE face_support`);
    await q.query(`DROP TABLE face`);
  }
}
