import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMediaItem20261122000310 implements MigrationInterface {
  name = 'CreateMediaItem20261122000310';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE media_item (
        id uuid PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES media_plan (id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('TV','RADIO','PRINT','ONLINE','SOCIAL_MEDIA')),
        outlet text NOT NULL CHECK (length(trim(outlet)) BETWEEN 1 AND 200),
        level text NOT NULL CHECK (level IN ('REPUBLICAN','REGIONAL')),
        format text NOT NULL CHECK (length(trim(format)) BETWEEN 1 AND 200),
        rubric text CHECK (length(trim(rubric)) BETWEEN 1 AND 200),
        planned_date date NOT NULL,
        language text NOT NULL CHECK (language IN ('kk','ru','en')),
        status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED','PUBLISHED','CANCELLED')),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX media_item_plan_id_idx ON media_item (plan_id)`);

    // FACE is accepted already: the "100 new faces" issue adds the Face type.
    await q.query(`
      CREATE TABLE media_item_subject (
        item_id uuid NOT NULL REFERENCES media_item (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('INITIATIVE','MONUMENT','EVENT','FACE')),
        subject_id uuid NOT NULL,
        position integer NOT NULL CHECK (position BETWEEN 0 AND 19),
        PRIMARY KEY (item_id, kind, subject_id),
        UNIQUE (item_id, position)
      )`);
    // Coverage of one initiative, monument or event across plans.
    await q.query(`CREATE INDEX media_item_subject_subject_idx ON media_item_subject (kind, subject_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE media_item_subject`);
    await q.query(`DROP TABLE media_item`);
  }
}
