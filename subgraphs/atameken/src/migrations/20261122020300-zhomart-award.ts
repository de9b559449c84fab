import type { MigrationInterface, QueryRunner } from 'typeorm';

const NOMINATIONS = `'MOST_ACTIVE_VOLUNTEER','FAVOURITE_VOLUNTEER','BEST_PATRON','BEST_NGO','INVESTOR','HONORARY_CITIZEN'`;

/** Zhomart Zhurek awards: a committee confirms one winner per nomination, scope and period. */
export class ZhomartAward20261122020300 implements MigrationInterface {
  name = 'ZhomartAward20261122020300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE zhomart_award (
        id uuid PRIMARY KEY,
        nomination text NOT NULL CHECK (nomination IN (${NOMINATIONS})),
        scope_code text CHECK (scope_code ~ '^[0-9]{9}$'),
        period_kind text NOT NULL CHECK (period_kind IN ('MONTH','QUARTER','YEAR')),
        period_start date NOT NULL,
        period_end date NOT NULL,
        volunteer_id uuid REFERENCES volunteer (id),
        patron_pledge_id uuid REFERENCES initiative_pledge (id),
        patron_subject text CHECK (patron_subject <> ''),
        patron_organisation text CHECK (char_length(patron_organisation) BETWEEN 1 AND 300),
        nominee_name text CHECK (char_length(nominee_name) BETWEEN 1 AND 300),
        rank integer CHECK (rank >= 1),
        score numeric CHECK (score > 0),
        citation text CHECK (char_length(citation) BETWEEN 1 AND 2000),
        confirmed_by_subject text NOT NULL CHECK (confirmed_by_subject <> ''),
        confirmed_by_role text NOT NULL CHECK (confirmed_by_role IN ('ADMIN','PROJECT_OFFICE')),
        confirmed_at timestamptz NOT NULL DEFAULT now(),
        CHECK (period_end >= period_start),
        CHECK ((nomination IN ('MOST_ACTIVE_VOLUNTEER','FAVOURITE_VOLUNTEER')) = (volunteer_id IS NOT NULL)),
        CHECK ((nomination = 'BEST_PATRON') = (patron_subject IS NOT NULL AND patron_pledge_id IS NOT NULL)),
        CHECK ((nomination IN ('BEST_NGO','INVESTOR','HONORARY_CITIZEN')) = (nominee_name IS NOT NULL)),
        CHECK ((rank IS NULL) = (nominee_name IS NOT NULL) AND (score IS NULL) = (nominee_name IS NOT NULL))
      )`);
    await q.query(`
      CREATE UNIQUE INDEX zhomart_award_one_winner
      ON zhomart_award (nomination, coalesce(scope_code, 'REPUBLIC'), period_kind, period_start)`);
    await q.query(`CREATE INDEX zhomart_award_volunteer_idx ON zhomart_award (volunteer_id) WHERE volunteer_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE zhomart_award`);
  }
}
