import { readFileSync } from 'node:fs';
import { SUBGRAPHS } from '@rz/contract';
import { SUPERGRAPH_FILE, subgraphSdlFile } from '../paths';
import { API_SCHEMA_FILE, composeSupergraph, emitAllSubgraphSdl } from './compose';

/** The committed SDL and supergraph must be what the code emits now: run `npm run compose` after schema changes. */
describe('committed schema', () => {
  let emitted: Awaited<ReturnType<typeof emitAllSubgraphSdl>>;
  let composed: ReturnType<typeof composeSupergraph>;
  beforeAll(async () => {
    emitted = await emitAllSubgraphSdl();
    composed = composeSupergraph(emitted);
  });

  it.each(SUBGRAPHS.map((s) => s.name))('schema/subgraphs/%s.graphql matches the code', (name) => {
    expect(readFileSync(subgraphSdlFile(name), 'utf8')).toBe(emitted[name]);
  });

  it('schema/supergraph.graphql is the composition of the emitted SDL', () => {
    expect(readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(composed.supergraph);
  });

  it('schema/api.graphql is the public API of that composition, without federation internals', () => {
    const api = readFileSync(API_SCHEMA_FILE, 'utf8');
    expect(api).toBe(composed.api);
    expect(api).not.toMatch(/join__|link__|Join__Graph|Link__Purpose|@join|@link/);
  });

  it('every subgraph links Federation 2.4 or later', () => {
    for (const { name } of SUBGRAPHS) {
      const version = /specs\.apollo\.dev\/federation\/v2\.(\d+)/.exec(emitted[name])?.[1];
      expect(Number(version)).toBeGreaterThanOrEqual(4);
    }
  });
});
