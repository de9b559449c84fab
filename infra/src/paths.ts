import { join } from 'node:path';
import { subgraphDir, type SubgraphName } from '@rz/contract';

/** Repository root, from infra/dist or infra/src. */
export const ROOT = join(__dirname, '..', '..');
export const DATA_DIR = join(ROOT, '.data');
export const SCHEMA_DIR = join(ROOT, 'schema');
export const SUPERGRAPH_FILE = join(SCHEMA_DIR, 'supergraph.graphql');

export function subgraphSdlFile(name: SubgraphName): string {
  return join(SCHEMA_DIR, 'subgraphs', `${name}.graphql`);
}

export function subgraphEntry(name: SubgraphName): string {
  return join(ROOT, subgraphDir(name), 'dist', 'main.js');
}

export const GATEWAY_ENTRY = join(ROOT, 'gateway', 'dist', 'main.js');

/** Built entry that prints one subgraph's SDL (a process per subgraph). */
export const PRINT_SDL_ENTRY = join(ROOT, 'infra', 'dist', 'compose', 'print-sdl.js');
