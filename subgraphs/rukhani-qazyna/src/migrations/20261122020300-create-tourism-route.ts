import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tourism routes and their ordered stops. length_km, regions and stop_territories are
 * derived from the stops and rewritten in the same transaction as any change to them.
 */
export class CreateTourismRoute20261122020300 implements MigrationInterface {
  name = 'CreateTourismRoute20261122020300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tourism_route (
        id uuid PRIMARY KEY,
        name_kk text, name_ru text, name_en text,
        description_kk text, description_ru text, description_en text,
        type text NOT NULL CHECK (type IN ('AUTO','CAMPING','FAMILY','CARAVAN','WALKING','CHILDREN_YOUTH','KNOW_KAZAKHSTAN_NORTH_SOUTH','KNOW_KAZAKHSTAN_EAST_WEST')),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','PUBLISHED')),
        territory_code text CHECK (territory_code ~ '^[0-9]{9}$'),
        duration_hours numeric(7,2) CHECK (duration_hours > 0 AND duration_hours <= 2000),
        tour_operators jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(tour_operators) = 'array'),
        length_km double precision NOT NULL DEFAULT 0 CHECK (length_km >= 0),
        regions text[] NOT NULL DEFAULT '{}',
        stop_territories text[] NOT NULL DEFAULT '{}',
        created_by_subject text NOT NULL,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (coalesce(name_kk, name_ru, name_en) IS NOT NULL),
        CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX tourism_route_regions_idx ON tourism_route USING gin (regions)`);
    await q.query(`CREATE INDEX tourism_route_stop_territories_idx ON tourism_route USING gin (stop_territories)`);
    await q.query(`
      CREATE TABLE tourism_route_stop (
        id uuid PRIMARY KEY,
        route_id uuid NOT NULL REFERENCES tourism_route (id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        monument_id uuid REFERENCES monument (id),
        name_kk text, name_ru text, name_en text,
        lat double precision CHECK (lat BETWEEN 40.5 AND 55.5),
        lon double precision CHECK (lon BETWEEN 46.4 AND 87.4),
        territory_code text CHECK (territory_code ~ '^[0-9]{9}$'),
        CHECK ((lat IS NULL) = (lon IS NULL)),
        -- A named point carries its own place; a monument stop may override the monument's point.
        CHECK (monument_id IS NOT NULL OR (coalesce(name_kk, name_ru, name_en) IS NOT NULL AND lat IS NOT NULL AND territory_code IS NOT NULL)),
        -- Deferred, so a reorder can move positions within one transaction.
        UNIQUE (route_id, position) DEFERRABLE INITIALLY DEFERRED
      )`);
    await q.query(`CREATE INDEX tourism_route_stop_monument_idx ON tourism_route_stop (monument_id) WHERE monument_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tourism_route_stop`);
    await q.query(`DROP TABLE tourism_route`);
  }
}
