import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEvent20261122000200 implements MigrationInterface {
  name = 'CreateEvent20261122000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE event (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('COMPETITION','OLYMPIAD','YOUNG_HISTORIANS_RALLY','CONFERENCE','EXCURSION','MUSEUM_LESSON',
          'WEEK_IN_THE_VILLAGE','WEEK_IN_THE_CITY','MASTER_CLASS','WEBINAR','EXPEDITION')),
        base_project text NOT NULL CHECK (base_project IN ('OLKETANU','OTANYM_TAGDYRYM','SANALY_AZAMAT')),
        title_kk text, title_ru text, title_en text,
        description_kk text, description_ru text, description_en text,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        territory_code text NOT NULL CHECK (territory_code ~ '^[0-9]{9}$'),
        venue text,
        capacity integer CHECK (capacity BETWEEN 1 AND 100000),
        status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED','REGISTRATION_OPEN','ONGOING','COMPLETED','CANCELLED')),
        organiser text NOT NULL CHECK (length(trim(organiser)) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (coalesce(title_kk, title_ru, title_en) IS NOT NULL),
        CHECK (ends_at >= starts_at)
      )`);
    await q.query(`CREATE INDEX event_territory_code_idx ON event (territory_code)`);
    await q.query(`CREATE INDEX event_starts_at_idx ON event (starts_at)`);
    // Monuments live in rukhani-qazyna's schema: stored by id only, no foreign key across subgraphs.
    await q.query(`
      CREATE TABLE event_monument (
        event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        monument_id uuid NOT NULL,
        position integer NOT NULL CHECK (position >= 0),
        PRIMARY KEY (event_id, position),
        UNIQUE (event_id, monument_id)
      )`);
    await q.query(`CREATE INDEX event_monument_monument_id_idx ON event_monument (monument_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE event_monument`);
    await q.query(`DROP TABLE event`);
  }
}
