import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateLocalHistoryMaterial20261122020100 implements MigrationInterface {
  name = 'CreateLocalHistoryMaterial20261122020100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE local_history_material (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('BOOK','ARTICLE','SCHOOL_STAND','VIDEO','ARCHIVE_DOCUMENT','MUSEUM_EXHIBIT')),
        title text NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 500),
        language text NOT NULL CHECK (language IN ('kk','ru','en')),
        authors text[] NOT NULL DEFAULT '{}' CHECK (cardinality(authors) <= 20),
        description text,
        territory_code text NOT NULL CHECK (territory_code ~ '^[0-9]{9}$'),
        published_on date,
        url text CHECK (url ~ '^https?://' AND length(url) <= 2000),
        file_ref text CHECK (length(trim(file_ref)) BETWEEN 1 AND 500),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (url IS NOT NULL OR file_ref IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX local_history_material_territory_code_idx ON local_history_material (territory_code)`);
    // Monuments live in rukhani-qazyna's schema: stored by id only.
    await q.query(`
      CREATE TABLE local_history_material_monument (
        material_id uuid NOT NULL REFERENCES local_history_material (id) ON DELETE CASCADE,
        monument_id uuid NOT NULL,
        position integer NOT NULL CHECK (position >= 0),
        PRIMARY KEY (material_id, position),
        UNIQUE (material_id, monument_id)
      )`);
    await q.query(`CREATE INDEX local_history_material_monument_monument_id_idx ON local_history_material_monument (monument_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE local_history_material_monument`);
    await q.query(`DROP TABLE local_history_material`);
  }
}
