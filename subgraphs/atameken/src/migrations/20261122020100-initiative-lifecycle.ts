import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The initiative lifecycle beyond the first slice: routing to an akimat, author kind,
 * budget decisions and pledges (coverage before work starts), milestones with progress,
 * the implementation record and citizens' ratings.
 */
export class InitiativeLifecycle20261122020100 implements MigrationInterface {
  name = 'InitiativeLifecycle20261122020100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE initiative
        ADD COLUMN responsible_territory_code text CHECK (responsible_territory_code ~ '^[0-9]{9}$'),
        ADD COLUMN author_kind text NOT NULL DEFAULT 'CITIZEN' CHECK (author_kind IN ('CITIZEN','NGO')),
        ADD COLUMN author_organisation text CHECK (char_length(author_organisation) BETWEEN 1 AND 300),
        ADD COLUMN budget_amount bigint NOT NULL DEFAULT 0 CHECK (budget_amount BETWEEN 0 AND 1000000000000),
        ADD COLUMN budget_decision text CHECK (char_length(budget_decision) BETWEEN 1 AND 500),
        ADD COLUMN progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        ADD COLUMN started_at timestamptz,
        ADD COLUMN implemented_at timestamptz,
        ADD COLUMN result_kk text CHECK (char_length(result_kk) <= 20000),
        ADD COLUMN result_ru text CHECK (char_length(result_ru) <= 20000),
        ADD COLUMN result_en text CHECK (char_length(result_en) <= 20000),
        ADD COLUMN people_served integer CHECK (people_served BETWEEN 0 AND 100000000),
        ADD CONSTRAINT initiative_organisation_needs_ngo CHECK (author_organisation IS NULL OR author_kind = 'NGO'),
        ADD CONSTRAINT initiative_budget_within_estimate CHECK (budget_amount <= estimate AND (budget_amount = 0) = (budget_decision IS NULL))`);
    await q.query(`UPDATE initiative SET responsible_territory_code = territory_code`);
    await q.query(`ALTER TABLE initiative ALTER COLUMN responsible_territory_code SET NOT NULL`);
    // Rows implemented before this migration have no record; new and changed rows must.
    await q.query(`
      ALTER TABLE initiative ADD CONSTRAINT initiative_implementation_check CHECK (
        status <> 'IMPLEMENTED' OR (
          implemented_at IS NOT NULL AND people_served IS NOT NULL AND progress = 100
          AND coalesce(result_kk, result_ru, result_en) IS NOT NULL
        )
      ) NOT VALID`);
    await q.query(`CREATE INDEX initiative_location_idx ON initiative (lat, lon) WHERE lat IS NOT NULL`);
    await q.query(`CREATE INDEX initiative_responsible_territory_idx ON initiative (responsible_territory_code)`);

    await q.query(`
      CREATE TABLE initiative_pledge (
        id uuid PRIMARY KEY,
        initiative_id uuid NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
        pledger_subject text NOT NULL CHECK (pledger_subject <> ''),
        organisation text CHECK (char_length(organisation) BETWEEN 1 AND 300),
        amount bigint NOT NULL CHECK (amount BETWEEN 1 AND 1000000000000),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','CANCELLED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz,
        CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX initiative_pledge_initiative_idx ON initiative_pledge (initiative_id, id)`);
    await q.query(`CREATE INDEX initiative_pledge_pledger_idx ON initiative_pledge (pledger_subject)`);

    await q.query(`
      CREATE TABLE initiative_milestone (
        id uuid PRIMARY KEY,
        initiative_id uuid NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
        happened_on date NOT NULL,
        title_kk text CHECK (char_length(title_kk) BETWEEN 1 AND 300),
        title_ru text CHECK (char_length(title_ru) BETWEEN 1 AND 300),
        title_en text CHECK (char_length(title_en) BETWEEN 1 AND 300),
        description_kk text CHECK (char_length(description_kk) <= 20000),
        description_ru text CHECK (char_length(description_ru) <= 20000),
        description_en text CHECK (char_length(description_en) <= 20000),
        progress smallint NOT NULL CHECK (progress BETWEEN 0 AND 100),
        author_subject text NOT NULL CHECK (author_subject <> ''),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (coalesce(title_kk, title_ru, title_en) IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX initiative_milestone_initiative_idx ON initiative_milestone (initiative_id, happened_on, id)`);

    await q.query(`
      CREATE TABLE initiative_participant (
        initiative_id uuid NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
        position smallint NOT NULL CHECK (position BETWEEN 0 AND 199),
        kind text NOT NULL CHECK (kind IN ('PATRON','NGO')),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 300),
        PRIMARY KEY (initiative_id, position)
      )`);

    await q.query(`
      CREATE TABLE initiative_rating (
        initiative_id uuid NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
        rater_subject text NOT NULL CHECK (rater_subject <> ''),
        score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (initiative_id, rater_subject)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE initiative_rating`);
    await q.query(`DROP TABLE initiative_participant`);
    await q.query(`DROP TABLE initiative_milestone`);
    await q.query(`DROP TABLE initiative_pledge`);
    await q.query(`DROP INDEX initiative_location_idx`);
    await q.query(`DROP INDEX initiative_responsible_territory_idx`);
    await q.query(`
      ALTER TABLE initiative
        DROP CONSTRAINT initiative_implementation_check,
        DROP COLUMN responsible_territory_code, DROP COLUMN author_kind, DROP COLUMN author_organisation,
        DROP COLUMN budget_amount, DROP COLUMN budget_decision, DROP COLUMN progress, DROP COLUMN started_at,
        DROP COLUMN implemented_at, DROP COLUMN result_kk, DROP COLUMN result_ru, DROP COLUMN result_en, DROP COLUMN people_served`);
  }
}
