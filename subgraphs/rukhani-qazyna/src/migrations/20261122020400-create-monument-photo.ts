import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Photos of a monument: published images referenced by https URL, with captions and attribution. */
export class CreateMonumentPhoto20261122020400 implements MigrationInterface {
  name = 'CreateMonumentPhoto20261122020400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE monument_photo (
        id uuid PRIMARY KEY,
        monument_id uuid NOT NULL REFERENCES monument (id) ON DELETE CASCADE,
        url text NOT NULL CHECK (url ~ '^https://' AND length(url) <= 2000),
        caption_kk text CHECK (length(caption_kk) <= 500),
        caption_ru text CHECK (length(caption_ru) <= 500),
        caption_en text CHECK (length(caption_en) <= 500),
        credit text NOT NULL CHECK (length(btrim(credit)) BETWEEN 2 AND 200),
        licence text CHECK (length(licence) <= 200),
        taken_on date,
        added_by_subject text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (monument_id, url)
      )`);
    await q.query(`CREATE INDEX monument_photo_monument_idx ON monument_photo (monument_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE monument_photo`);
  }
}
