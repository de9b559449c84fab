import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OperationAnalyzer } from './operation-analysis';
import { MemoryResponseCache } from './response-cache';

const answer = (subgraphs: string[], body = '{"data":{}}') => ({ body, contentType: 'application/json', expiresAt: Date.now() + 60_000, subgraphs });

describe('response cache store', () => {
  it('evicts every answer that read from a changed subgraph, and only those', () => {
    const cache = new MemoryResponseCache(10);
    cache.set('a', answer(['atameken', 'tarbie-bilim']), cache.snapshot(['atameken', 'tarbie-bilim']));
    cache.set('b', answer(['rukhani-qazyna']), cache.snapshot(['rukhani-qazyna']));
    cache.evictSubgraph('tarbie-bilim');
    expect([cache.get('a'), cache.get('b')?.subgraphs]).toEqual([undefined, ['rukhani-qazyna']]);
  });

  it('does not store an answer whose read began before a change to one of its subgraphs', () => {
    const cache = new MemoryResponseCache(10);
    const before = cache.snapshot(['atameken']);
    cache.evictSubgraph('atameken'); // a commit lands while the read is in flight
    expect(cache.set('a', answer(['atameken']), before)).toBeUndefined();
    const cleared = cache.snapshot(['atameken']);
    cache.clear(); // change notices were lost
    expect(cache.set('a', answer(['atameken']), cleared)).toBeUndefined();
    expect(cache.set('a', answer(['atameken']), cache.snapshot(['atameken']))?.etag).toMatch(/^"[\w-]{27}"$/);
  });

  it('drops expired and least recently used answers, and serves nothing while off', () => {
    const cache = new MemoryResponseCache(2);
    cache.set('old', { ...answer([]), expiresAt: Date.now() - 1 }, cache.snapshot([]));
    expect(cache.get('old')).toBeUndefined();
    for (const key of ['a', 'b']) cache.set(key, answer([]), cache.snapshot([]));
    cache.get('a');
    cache.set('c', answer([]), cache.snapshot([]));
    expect(['a', 'b', 'c'].map((k) => Boolean(cache.get(k)))).toEqual([true, false, true]);
    cache.enabled = false;
    expect(cache.get('a')).toBeUndefined();
  });
});

describe('operation analysis against the supergraph', () => {
  const analyzer = new OperationAnalyzer(readFileSync(join(__dirname, '..', '..', '..', 'schema', 'supergraph.graphql'), 'utf8'), {
    defaultTtlSeconds: 30,
    maxTokens: 3_000,
  });

  it('tags a query with the subgraphs its plan fetches from, and normalises its text', () => {
    const shape = analyzer.analyze('query R($f: String!, $t: String!) { regions { code   complaintIndicators(from: $f, to: $t) { filed } } }', undefined);
    expect(shape).toMatchObject({ kind: 'query', subgraphs: ['atameken'] });
    const region = analyzer.analyze('{ territory(code: "750000000") { code complaintIndicators(from: "2026-01-01", to: "2026-12-31") { filed } events { totalCount } } }', undefined);
    expect(region).toMatchObject({ kind: 'query', subgraphs: ['atameken', 'tarbie-bilim'] });
    const spaced = analyzer.analyze('query R($f: String!, $t: String!) {\n  regions { code complaintIndicators(from: $f, to: $t) { filed } }\n}', undefined);
    expect(shape.kind === 'query' && spaced.kind === 'query' && shape.normalized === spaced.normalized).toBe(true);
  });

  it('makes an answer from a subgraph that reads the others through the gateway depend on every subgraph', () => {
    const shape = analyzer.analyze('query P($id: ID!) { project(id: $id) { id } }', undefined);
    expect(shape).toMatchObject({ kind: 'query', subgraphs: expect.arrayContaining(['aqparat-tolqyny', 'atameken', 'project-office', 'rukhani-qazyna', 'tarbie-bilim']) });
  });

  it('takes the shortest life among the types an answer reads', () => {
    const names = analyzer.analyze('{ regions { code names { kk } } }', undefined);
    const indicators = analyzer.analyze('{ regions { complaintIndicators(from: "2026-01-01", to: "2026-12-31") { filed } } }', undefined);
    expect([names.kind === 'query' && names.ttlSeconds, indicators.kind === 'query' && indicators.ttlSeconds]).toEqual([3_600, 10]);
  });

  it('tells mutations (with the subgraphs they write to) from documents it leaves to Apollo', () => {
    expect(analyzer.analyze('mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { complaint { id } } }', undefined)).toEqual({
      kind: 'mutation',
      subgraphs: ['atameken'],
    });
    for (const junk of ['{', '{ noSuchField }', 'subscription { complaintStatusChanged { cursor } }', 'query A { regions { code } } query B { regions { code } }']) {
      expect(analyzer.analyze(junk, undefined)).toEqual({ kind: 'other' });
    }
  });
});
