import type { Prng } from './prng';

/** Strings that have broken real systems: injections, encodings, edge values. */
export const HOSTILE_STRINGS: readonly string[] = [
  "' OR '1'='1",
  "'; DROP TABLE monument; --",
  "1; SELECT pg_sleep(3); --",
  "' UNION SELECT null, current_user, version() --",
  '" OR ""="',
  "\\'; --",
  "%' AND 1=1 --",
  "admin'--",
  "$$; DROP SCHEMA atameken CASCADE; $$",
  "'); DELETE FROM complaint; --",
  "1' AND (SELECT count(*) FROM pg_catalog.pg_tables) > 0 --",
  "<script>alert(document.cookie)</script>",
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '<svg/onload=alert(1)>',
  '{{7*7}}',
  '${7*7}',
  '#{7*7}',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '\u0000',
  'abc\u0000def',
  '%00',
  '\ud800',
  '\udfff\ud800',
  '\u202egnp.exe',
  '\u200b\u200b\u200b',
  '\r\nSet-Cookie: pwned=1',
  '*)(uid=*))(|(uid=*',
  '{"$gt": ""}',
  '%s%s%s%s%n',
  '; rm -rf / #',
  '$(reboot)',
  '`id`',
  'ﬀ\u0301\u0308',
  'Ақмола облысы',
  '😀😃😄😁',
  '',
  ' ',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e309',
  '0x41',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
  '750000000',
  '000000000',
  '999999999',
  '7500000001',
  '75000000a',
  '750 000 000',
  '99999999999999999999999999',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  '2026-13-45T99:99:99Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-02-30',
  'yesterday',
  'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
  'A'.repeat(1_000),
  'Ә'.repeat(6_000),
];

export const HOSTILE_INTS: readonly number[] = [0, -1, 1, 2, 20, 500, 501, 1_000_000, 2_147_483_647, -2_147_483_648];
export const INVALID_INTS: readonly unknown[] = [2_147_483_648, -2_147_483_649, 1e10, 3.5, Number.MAX_SAFE_INTEGER, '5', true, null, [], {}];
export const HOSTILE_FLOATS: readonly number[] = [0, -0, 1e308, -1e308, 5e-324, 43.25, 76.95, 200, -91, 91, 181, -181, 1e15, -1, 0.1 + 0.2];

export function hostileString(rng: Prng): string {
  return rng.weighted<() => string>([
    [10, () => rng.pick(HOSTILE_STRINGS)],
    [2, () => rng.unicode(rng.int(1, 64))],
    [1, () => rng.pick(HOSTILE_STRINGS).repeat(rng.int(2, 50))],
    [1, () => 'x'.repeat(rng.int(5_000, 120_000))],
  ])();
}

/** Any JSON value, for places that expect something else. */
export function wrongValue(rng: Prng, depth = 0): unknown {
  return rng.weighted<() => unknown>([
    [3, () => hostileString(rng)],
    [2, () => rng.pick(INVALID_INTS)],
    [2, () => rng.pick(HOSTILE_FLOATS)],
    [1, () => rng.chance(0.5)],
    [1, () => null],
    [1, () => (depth > 3 ? [] : Array.from({ length: rng.int(0, 4) }, () => wrongValue(rng, depth + 1)))],
    [1, () => (depth > 3 ? {} : Object.fromEntries(Array.from({ length: rng.int(0, 4) }, () => [rng.pick(['a', 'kk', '__proto__', 'constructor', 'id', '$where', 'territory']), wrongValue(rng, depth + 1)])))],
  ])();
}
