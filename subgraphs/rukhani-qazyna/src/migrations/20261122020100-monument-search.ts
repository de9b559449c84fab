import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Letters folded to the base letter a reader types without a Kazakh or accented layout.
 * Frozen here: the stored column and the folded query must use the same table, so a
 * change is a new migration that replaces the function and rebuilds the column.
 */
const FOLD_PAIRS: readonly (readonly [string, string])[] = [
  // Russian capitals (lower() only folds ASCII under the C locale); Ё and Й fold with their marks below.
  ['АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ', 'абвгдежзиклмнопрстуфхцчшщъыьэюя'],
  // Kazakh letters: ә ғ қ ң ө ұ ү һ і and their capitals.
  ['ӘәҒғҚқҢңӨөҰұҮүҺһІі', 'ааггккннооууууххии'],
  // Latin letters that Unicode does not decompose into a base letter and a mark.
  ['ıŁłĐđØøÆæŒœ', 'illddooaaoo'],
];

const FOLD_FROM = FOLD_PAIRS.map(([from]) => from).join('');
const FOLD_TO = FOLD_PAIRS.map(([, to]) => to).join('');

export class MonumentSearch20261122020100 implements MigrationInterface {
  name = 'MonumentSearch20261122020100';

  async up(q: QueryRunner): Promise<void> {
    if ([...FOLD_FROM].length !== [...FOLD_TO].length) throw new Error('fold table is uneven');
    // NFD splits accented letters (é, ñ, ü, й, ё) into base + combining mark; the marks are dropped,
    // the Kazakh and Cyrillic letters are translated, punctuation becomes one space.
    await q.query(`
      CREATE FUNCTION rq_search_fold(value text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $fold$
        SELECT btrim(regexp_replace(
          lower(translate(regexp_replace(normalize(value, NFD), '[\\u0300-\\u036f]', '', 'g'), '${FOLD_FROM}', '${FOLD_TO}')),
          '[\\s\\-‐‑‒–—―''’ʼ\`"«»“”„.,:;!?()/]+', ' ', 'g'))
      $fold$`);
    await q.query(`
      ALTER TABLE monument ADD COLUMN search_name text NOT NULL
      GENERATED ALWAYS AS (rq_search_fold(coalesce(name_kk, '') || ' ' || coalesce(name_ru, '') || ' ' || coalesce(name_en, ''))) STORED`);
    // Bounding-box prefilter of nearest-monument and viewport queries.
    await q.query(`CREATE INDEX monument_lat_lon_idx ON monument (lat, lon) WHERE lat IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX monument_lat_lon_idx`);
    await q.query(`ALTER TABLE monument DROP COLUMN search_name`);
    await q.query(`DROP FUNCTION rq_search_fold(text)`);
  }
}
