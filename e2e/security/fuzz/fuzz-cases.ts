import { HOSTILE_STRINGS, hostileString, wrongValue } from './hostile-values';
import type { OperationGenerator } from './operation-generator';
import { Prng } from './prng';

/** One HTTP request of the fuzz run, fully determined by (seed, index). */
export interface FuzzCase {
  index: number;
  category: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** Which token of the pool (or none) the case uses; the header is added by the runner. */
  token: number | null;
  /** A mutation: it must not succeed, every one carries a defect. */
  mutation: boolean;
  /** A well-formed query that must keep working during the run. */
  baseline: boolean;
}

export interface CaseContext {
  generator: OperationGenerator;
  /** Number of tokens in the pool (valid and invalid). */
  tokenCount: number;
  /** The first `validTokenCount` tokens of the pool are valid. */
  validTokenCount: number;
  territories: string[];
}

type Draft = Omit<FuzzCase, 'index' | 'category' | 'token'> & { token?: number | null };

const JSON_HEADERS = { 'content-type': 'application/json' };

function graphql(payload: unknown, extra: Partial<Draft> = {}): Draft {
  return { method: 'POST', path: '/graphql', headers: { ...JSON_HEADERS }, body: JSON.stringify(payload), mutation: false, baseline: false, ...extra };
}

const TOKENS = ['{', '}', '(', ')', '[', ']', ':', '$', '!', '=', '@', '...', '|', '&', ',', 'query', 'mutation', 'subscription', 'fragment', 'on', 'territory', 'regions', 'monuments', 'complaints', 'code', 'first', 'nodes', 'id', '"str"', '"""block"""', '123', '-1.5e3', 'true', 'null', '#comment\n', '"unterminated', '\\u0000', '$v', 'Int', 'String!'];

function tokenSoup(rng: Prng): string {
  return Array.from({ length: rng.int(1, 200) }, () => (rng.chance(0.9) ? rng.pick(TOKENS) : hostileString(rng).slice(0, 40))).join(rng.pick([' ', '', '\n']));
}

function nested(open: string, close: string, inner: string, levels: number): string {
  return `${open.repeat(levels)}${inner}${close.repeat(levels)}`;
}

/** Percent-encodes every UTF-8 byte (lone surrogates included, as U+FFFD). */
function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
}

/** Deeply nested JSON as text (JSON.stringify itself would overflow the stack on the client). */
function deepJsonText(rng: Prng, levels: number): string {
  let open = '';
  let close = '';
  for (let i = 0; i < levels; i += 1) {
    const array = rng.chance(0.5);
    open += array ? '[' : '{"a":';
    close = (array ? ']' : '}') + close;
  }
  return `${open}${JSON.stringify(hostileString(rng).slice(0, 20))}${close}`;
}

const BASELINE = [
  '{ regions { code name(lang: RU) } }',
  '{ monuments(first: 5) { totalCount nodes { id name(lang: KK) type } } }',
  'query($code: ID!) { territory(code: $code) { code name(lang: EN) parent { code } } }',
  '{ initiatives(first: 3) { totalCount nodes { id title(lang: RU) status } } }',
  '{ events(first: 3) { totalCount nodes { id title(lang: KK) status } } }',
  '{ complaints(first: 3) { totalCount } }',
];

const DISALLOWED_MAGIC = [
  Buffer.from('%PDF-1.7\n'),
  Buffer.from('MZ\x90\x00'),
  Buffer.from([0x7f, 0x45, 0x4c, 0x46]),
  Buffer.from('PK\x03\x04'),
  Buffer.from('GIF89a'),
  Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'),
  Buffer.from('<!doctype html><script>alert(1)</script>'),
  Buffer.from('II*\x00'),
  Buffer.from('BM'),
  Buffer.from('#!/bin/sh\nrm -rf /\n'),
  Buffer.from('{"json": true}'),
];

/** Every category, with its share of the run. */
const CATEGORIES: readonly (readonly [number, string, (rng: Prng, ctx: CaseContext) => Draft])[] = [
  [15, 'schema-query', (rng, ctx) => {
    const op = ctx.generator.generate(rng, false);
    return graphql({ query: op.query, variables: op.variables, operationName: op.operationName });
  }],
  [15, 'typed-query', (rng, ctx) => {
    const op = ctx.generator.generate(rng, false, true);
    return graphql({ query: op.query, variables: op.variables, operationName: op.operationName });
  }],
  [7, 'schema-mutation', (rng, ctx) => {
    const op = ctx.generator.generate(rng, true);
    return graphql({ query: op.query, variables: op.variables, operationName: op.operationName }, { mutation: true });
  }],
  [8, 'typed-mutation', (rng, ctx) => {
    const op = ctx.generator.generate(rng, true, true);
    return graphql({ query: op.query, variables: op.variables, operationName: op.operationName }, { mutation: true });
  }],
  [8, 'random-document', (rng, ctx) => {
    const op = ctx.generator.generate(rng, rng.chance(0.3));
    const query = rng.weighted<() => string>([
      [4, () => tokenSoup(rng)],
      [3, () => op.query.slice(0, rng.int(0, op.query.length))],
      [3, () => {
        const chars = [...op.query];
        for (let i = 0; i < rng.int(1, 8); i += 1) chars[rng.int(0, chars.length - 1)] = rng.pick(['{', '}', '(', ')', '"', '$', '!', ' ', '\u0000', 'é', '@']);
        return chars.join('');
      }],
      [1, () => rng.unicode(rng.int(0, 300))],
      [1, () => rng.bytes(rng.int(0, 300)).toString('latin1')],
      [1, () => rng.pick(['', ' ', '#only a comment', '{}', '{ }', 'query', 'subscription { __typename }', '{ __typename } { __typename }', 'query A { regions { code } } query A { regions { code } }'])],
    ])();
    return graphql({ query, variables: op.variables }, { mutation: op.mutation });
  }],
  [6, 'deep-nesting', (rng, ctx) =>
    rng.weighted<() => Draft>([
      [3, () => graphql({ query: `{ territory(code: "750000000") { ${nested('parent { ', ' }', 'code', rng.int(11, 80))} } }` })],
      [2, () => graphql({ query: `{ ${nested('a { ', ' }', 'b', rng.int(50, 1_500))} }` })],
      [2, () => graphql({ query: `{ monuments(filter: { name: ${nested('[', ']', '"x"', rng.int(20, 2_000))} }) { totalCount } }` })],
      [2, () => graphql({ query: `{ complaints(filter: ${nested('{ territory: ', ' }', '"750000000"', rng.int(2, 500))}) { totalCount } }` })],
      [2, () => ({
        ...graphql(null),
        body: `{"query":"query($f: MonumentFilter) { monuments(filter: $f) { totalCount } }","variables":{"f":${deepJsonText(rng, rng.int(50, 20_000))}}}`,
      })],
      [1, () => {
        const levels = rng.int(5, 40);
        const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Territory { code ${i + 1 < levels ? `parent { ...F${i + 1} }` : ''} }`).join(' ');
        return graphql({ query: `{ territory(code: "${rng.pick(ctx.territories)}") { ...F0 } } ${fragments}` });
      }],
    ])(),
  ],
  [5, 'huge', (rng) =>
    rng.weighted<() => Draft>([
      [3, () => graphql({ query: 'query($n: String) { monuments(filter: { name: $n }) { totalCount } }', variables: { n: hostileString(rng).slice(0, 10).repeat(rng.int(1, 25_000)) } })],
      [2, () => graphql({ query: '{ regions { code } }', variables: { pad: 'x'.repeat(rng.int(260 * 1024, 2 * 1024 * 1024)) } })],
      [2, () => graphql({ query: `{ regions { ${'code '.repeat(rng.int(500, 20_000))} } }` })],
      [1, () => graphql({ query: `{ ${'x'.repeat(rng.int(1_000, 100_000))} }` })],
      [1, () => graphql({ query: '{ regions { code } }', operationName: 'O'.repeat(rng.int(1_000, 100_000)) })],
      [1, () => graphql({ query: `{ monuments(first: ${'9'.repeat(rng.int(11, 5_000))}) { totalCount } }` })],
      [1, () => graphql({ query: `query(${Array.from({ length: rng.int(100, 3_000) }, (_, i) => `$v${i}: Int`).join(', ')}) { regions { code } }` })],
    ])(),
  ],
  [5, 'aliases', (rng) =>
    rng.weighted<() => Draft>([
      [3, () => graphql({ query: `{ ${Array.from({ length: rng.int(31, 3_000) }, (_, i) => `a${i}: regions { code }`).join(' ')} }` })],
      [2, () => graphql({ query: `{ territory(code: "750000000") { ${Array.from({ length: rng.int(31, 500) }, (_, i) => `n${i}: name(lang: KK)`).join(' ')} } }` })],
      [2, () => {
        const spreads = Array.from({ length: rng.int(2, 40) }, (_, i) => `s${i}: territory(code: "750000000") { ...A }`).join(' ');
        return graphql({ query: `{ ${spreads} } fragment A on Territory { ${Array.from({ length: 20 }, (_, i) => `x${i}: code`).join(' ')} }` });
      }],
      [1, () =>
        graphql(
          { query: `mutation { ${Array.from({ length: rng.int(31, 200) }, (_, i) => `c${i}: fileComplaint(input: { topic: ROADS, text: "Яма на дороге возле школы номер ${i}", territory: "750000000" }) { __typename }`).join(' ')} }` },
          { mutation: true },
        ),
      ],
    ])(),
  ],
  [10, 'protocol', (rng) =>
    rng.weighted<() => Draft>([
      [2, () => ({ ...graphql({ query: '{ regions { code } }' }), headers: { 'content-type': rng.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/graphql', '']) } })],
      [2, () => ({ ...graphql(null), body: rng.pick(['{"query": "{ regions { code } }"', '\ufeff{"query":"{ regions { code } }"}', '42', '"{ regions { code } }"', 'null', 'true', '', '{', '[]', '[{}]', '{"query": "{ regions { code } }"}{"query": 1}', rng.bytes(rng.int(1, 200)).toString('latin1')]) })],
      [3, () => graphql({ query: rng.pick([42, null, true, ['{ regions { code } }'], { a: 1 }, '']), variables: rng.pick(['{}', '[]', 1, 'x', null, [{}], { a: 1 }]), operationName: rng.pick([1, {}, [], null, 'X', '']) })],
      [1, () => graphql({ extensions: { persistedQuery: { version: rng.pick([1, 2, 'x']), sha256Hash: rng.pick(['deadbeef', 'x'.repeat(64), 1, null]) } }, ...(rng.chance(0.5) ? { query: '{ regions { code } }' } : {}) })],
      [1, () => graphql([{ query: '{ regions { code } }' }, { query: '{ __typename }' }])],
      [2, () => {
        const query = rng.pick(['{ regions { code } }', 'mutation { submitMediaPlan(id: "x") { id } }', '{ __typename }', tokenSoup(rng)]);
        const params = new URLSearchParams({ query, variables: rng.pick(['{}', '{bad json', '[]', '{"code":"750000000"}']) });
        const headers: Record<string, string> = rng.chance(0.6) ? { 'apollo-require-preflight': 'true' } : {};
        return { method: 'GET', path: `/graphql?${params}`, headers, mutation: false, baseline: false };
      }],
      [1, () => ({ method: rng.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS']), path: '/graphql', headers: { ...JSON_HEADERS }, body: JSON.stringify({ query: '{ regions { code } }' }), mutation: false, baseline: false })],
      [1, () => ({ ...graphql({ query: '{ regions { code } }' }), headers: { ...JSON_HEADERS, 'content-encoding': rng.pick(['gzip', 'deflate', 'br', 'identity, gzip', 'x-unknown']) }, body: rng.bytes(rng.int(1, 200)) })],
      [1, () => ({ ...graphql({ query: '{ __typename }' }), path: rng.pick(['/graphql/', '/GRAPHQL', '/graphql?x=%ZZ', '/%', '/graphql%00', '/graphql/../evidence', '/.env', '/graphql;jsessionid=1', '//graphql']) })],
      [1, () => ({ ...graphql({ query: '{ __typename }' }), headers: { ...JSON_HEADERS, accept: rng.pick(['text/html', 'application/xml', 'application/graphql-response+json', '*/*', 'image/png', 'application/json;q=0']), 'x-apollo-operation-name': 'x'.repeat(rng.int(1, 8_000)) } })],
    ])(),
  ],
  [5, 'bad-variables', (rng, ctx) =>
    rng.weighted<() => Draft>([
      [3, () => graphql({ query: 'query($code: ID!, $first: Int) { territory(code: $code) { monuments(first: $first) { totalCount } } }', variables: { code: wrongValue(rng), first: wrongValue(rng) } })],
      [2, () => graphql({ query: 'query($f: ComplaintFilter) { complaints(filter: $f) { totalCount } }', variables: { f: wrongValue(rng) } })],
      [1, () => graphql({ query: '{ regions { code } }', variables: JSON.parse('{"__proto__": {"admin": true, "roles": ["admin"]}, "constructor": {"prototype": {"polluted": 1}}}') })],
      [1, () => ({ ...graphql(null), body: `{"query":"query($c: ID!) { territory(code: $c) { code } }","variables":{"__proto__":{"c":"750000000"}}}` })],
      [1, () => graphql({ query: 'query($ids: [ID!]) { monuments(filter: { name: "x" }) { totalCount } }', variables: { ids: Array.from({ length: rng.int(1_000, 15_000) }, () => rng.uuid()) } })],
      [1, () => graphql({ query: 'query($c: ID!) { territory(code: $c) { code } }', variables: rng.pick([{}, { c: null }, { c: rng.pick(ctx.territories), extra: wrongValue(rng) }]) })],
    ])(),
  ],
  [3, 'directives', (rng) =>
    graphql({
      query: rng.pick([
        '{ regions @foo { code } }',
        '{ regions { code @skip } }',
        '{ regions { code @skip(if: "yes") } }',
        'query { regions { code @include(if: $nope) } }',
        '{ regions { code @skip(if: false) @skip(if: false) } }',
        `{ regions { code ${'@include(if: true) '.repeat(rng.int(21, 300))} } }`,
        '{ regions { code @deprecated } }',
        '{ regions { ... @defer { code } } }',
        'query @skip(if: true) { regions { code } }',
        '{ regions { ...F @include(if: true) } } fragment F on Territory @skip(if: false) { code }',
        '{ monuments @stream(initialCount: 1) { totalCount } }',
      ]),
    }),
  ],
  [3, 'fragments', (rng) =>
    graphql({
      query: rng.pick([
        '{ regions { ...A } } fragment A on Territory { ...B } fragment B on Territory { ...A }',
        '{ regions { ...A } } fragment A on Territory { code ...A }',
        '{ regions { ...Missing } }',
        '{ regions { ...A } } fragment A on NoSuchType { code }',
        '{ regions { ...A } } fragment A on Monument { id }',
        '{ regions { code } } fragment Unused on Territory { code }',
        `{ regions { ${'...A '.repeat(rng.int(2, 400))} } } fragment A on Territory { code }`,
        `{ t: territory(code: "750000000") { ...F0 } } ${Array.from({ length: 20 }, (_, i) => `fragment F${i} on Territory { ${i < 19 ? `a: parent { ...F${i + 1} } b: region { ...F${i + 1} }` : 'code'} }`).join(' ')}`,
      ]),
    }),
  ],
  [2, 'introspection', (rng) =>
    graphql({
      query: rng.pick([
        '{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }',
        '{ __type(name: "Complaint") { fields { name type { name } } } }',
        `{ __type(name: "Query") { ${nested('fields { type { ', ' } }', 'name', rng.int(4, 30))} } }`,
        '{ __schema { directives { name args { name } } } }',
        '{ __typename }',
      ]),
    }),
  ],
  [5, 'evidence', (rng) =>
    rng.weighted<() => Draft>([
      [3, () => ({
        method: 'POST',
        path: '/evidence',
        headers: { 'content-type': rng.pick(['image/jpeg', 'image/png', 'video/mp4', 'audio/mpeg', 'application/octet-stream', 'text/html', '']) },
        body: Buffer.concat([rng.pick(DISALLOWED_MAGIC), rng.bytes(rng.int(0, 64 * 1024))]),
        mutation: false,
        baseline: false,
      })],
      [2, () => {
        const sha = rng.chance(0.5) ? rng.hex(64) : rng.pick([...HOSTILE_STRINGS.slice(0, 20), '..%2f..%2fetc%2fpasswd', 'a'.repeat(64), rng.hex(63)]);
        const query = rng.chance(0.8) ? `?exp=${rng.pick(['4102444800', '0', '-1', '1e99', 'x', ''])}&sig=${percentEncode(rng.pick(['AAAA', rng.hex(32), hostileString(rng).slice(0, 50)]))}` : '';
        return { method: rng.pick(['GET', 'GET', 'HEAD', 'DELETE']), path: `/evidence/${percentEncode(sha)}${query}`, headers: {}, mutation: false, baseline: false };
      }],
    ])(),
  ],
  [3, 'baseline', (rng, ctx) => graphql({ query: rng.pick(BASELINE), variables: { code: rng.pick(ctx.territories) } }, { baseline: true })],
];

/** Case `index` of the run with this seed. */
export function fuzzCase(seed: number, index: number, ctx: CaseContext): FuzzCase {
  const rng = Prng.forCase(seed, index);
  const [, category, make] = rng.weighted(CATEGORIES.map((entry) => [entry[0], entry] as const));
  const draft = make(rng, ctx);
  // Baseline queries go anonymous or with a valid token; everything else with any token, or none.
  const token = draft.baseline ? (rng.chance(0.5) ? null : rng.int(0, ctx.validTokenCount - 1)) : rng.chance(0.25) ? null : rng.int(0, ctx.tokenCount - 1);
  return { index, category, token, ...draft };
}
