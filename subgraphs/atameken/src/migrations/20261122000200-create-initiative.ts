import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInitiative20261122000200 implements MigrationInterface {
  name = 'CreateInitiative20261122000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE initiative (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('SOCIAL','INFRASTRUCTURE','MATERIAL_AID','LOGISTICS','CHARITY_EVENT')),
        direction text NOT NULL CHECK (direction IN ('ECOLOGY_AND_AMENITIES','HOUSING_AND_UTILITIES','EDUCATION','HEALTH','CULTURE','SPORT','CONSTRUCTION_AND_REPAIR','TOURISM','VULNERABLE_GROUPS')),
        category text NOT NULL CHECK (category IN ('A','B')),
        title_kk text, title_ru text, title_en text,
        description_kk text, description_ru text, description_en text,
        territory_code text NOT NULL CHECK (territory_code ~ '^[0-9]{9}$'),
        lat double precision CHECK (lat BETWEEN 40.5 AND 55.5),
        lon double precision CHECK (lon BETWEEN 46.4 AND 87.4),
        estimate bigint NOT NULL CHECK (estimate BETWEEN 0 AND 1000000000000),
        status text NOT NULL DEFAULT 'INITIATED' CHECK (status IN ('INITIATED','IN_PROGRESS','IMPLEMENTED','REJECTED','WITHDRAWN')),
        status_reason text CHECK (char_length(status_reason) BETWEEN 1 AND 2000),
        author_subject text NOT NULL CHECK (author_subject <> ''),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (coalesce(title_kk, title_ru, title_en) IS NOT NULL),
        CHECK ((lat IS NULL) = (lon IS NULL)),
        CHECK (status <> 'REJECTED' OR status_reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX initiative_territory_code_idx ON initiative (territory_code)`);
    await q.query(`CREATE INDEX initiative_author_subject_idx ON initiative (author_subject)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE initiative`);
  }
}
