import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMonument20261122000000 implements MigrationInterface {
  name = 'CreateMonument20261122000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE monument (
        id uuid PRIMARY KEY,
        source_id text UNIQUE,
        name_kk text, name_ru text, name_en text,
        description_kk text, description_ru text, description_en text,
        type text NOT NULL CHECK (type IN ('ARCHAEOLOGICAL','ARCHITECTURAL','URBAN_PLANNING','MONUMENTAL_ART','SACRED_SITE')),
        significance text CHECK (significance IN ('REPUBLICAN','LOCAL')),
        territory_code text NOT NULL CHECK (territory_code ~ '^[0-9]{9}$'),
        lat double precision CHECK (lat BETWEEN 40.5 AND 55.5),
        lon double precision CHECK (lon BETWEEN 46.4 AND 87.4),
        period text,
        condition text CHECK (condition IN ('GOOD','SATISFACTORY','POOR','EMERGENCY')),
        condition_assessed_on date,
        on_state_list boolean NOT NULL DEFAULT false,
        unesco_status text,
        sources text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (coalesce(name_kk, name_ru, name_en) IS NOT NULL),
        CHECK ((lat IS NULL) = (lon IS NULL))
      )`);
    await q.query(`CREATE INDEX monument_territory_code_idx ON monument (territory_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE monument`);
  }
}
