import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cyrillic (after rq_search_fold) written in Latin letters, so that trigram similarity meets
 * the spelling variants of one name across scripts and transliterations: "ясави", "Ясауи" and
 * "Yasawi" become yasavi, yasaui and yasawi. Multi-letter sounds first, then single letters;
 * ъ and ь are dropped. Frozen like rq_search_fold: a change is a new migration.
 */
const MULTI: readonly (readonly [string, string])[] = [
  ['щ', 'sch'], ['ж', 'zh'], ['ч', 'ch'], ['ш', 'sh'], ['ц', 'ts'], ['ю', 'yu'], ['я', 'ya'],
];
const SINGLE_FROM = 'абвгдезиклмнопрстуфхыэъь';
const SINGLE_TO = 'abvgdeziklmnoprstufhye';

export class MonumentSimilaritySearch20261204000100 implements MigrationInterface {
  name = 'MonumentSimilaritySearch20261204000100';

  async up(q: QueryRunner): Promise<void> {
    const replaced = MULTI.reduce((sql, [from, to]) => `replace(${sql}, '${from}', '${to}')`, 'rq_search_fold(value)');
    await q.query(`
      CREATE FUNCTION rq_search_latin(value text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $latin$ SELECT translate(${replaced}, '${SINGLE_FROM}', '${SINGLE_TO}') $latin$`);
    await q.query(`
      ALTER TABLE monument ADD COLUMN search_latin text NOT NULL
      GENERATED ALWAYS AS (rq_search_latin(coalesce(name_kk, '') || ' ' || coalesce(name_ru, '') || ' ' || coalesce(name_en, ''))) STORED`);
    // pg_trgm is installed by provisioning in the "extensions" schema, which this role may use.
    await q.query(`CREATE INDEX monument_search_latin_trgm_idx ON monument USING gin (search_latin extensions.gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX monument_search_latin_trgm_idx`);
    await q.query(`ALTER TABLE monument DROP COLUMN search_latin`);
    await q.query(`DROP FUNCTION rq_search_latin(text)`);
  }
}
