import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { composeServices } from '@apollo/composition';
import { SUBGRAPHS, subgraphUrl, type SubgraphName } from '@rz/contract';
import { parse, printSchema } from 'graphql';
import { PRINT_SDL_ENTRY, SCHEMA_DIR } from '../paths';

/** The public API clients see: the supergraph without federation internals (join__*, link__*). */
export const API_SCHEMA_FILE = join(SCHEMA_DIR, 'api.graphql');

const run = promisify(execFile);

/** The SDL a subgraph's built code emits now (see print-sdl). */
export async function emitSubgraphSdl(name: SubgraphName): Promise<string> {
  const { stdout } = await run(process.execPath, [PRINT_SDL_ENTRY, name], { maxBuffer: 16 * 1024 * 1024 });
  return stdout.endsWith('\n') ? stdout : `${stdout}\n`;
}

export async function emitAllSubgraphSdl(): Promise<Record<SubgraphName, string>> {
  const entries = await Promise.all(SUBGRAPHS.map(async ({ name }) => [name, await emitSubgraphSdl(name)] as const));
  return Object.fromEntries(entries) as Record<SubgraphName, string>;
}

export interface ComposedSchemas {
  /** What the gateway plans with. */
  supergraph: string;
  /** What clients generate their types from (schema/api.graphql). */
  api: string;
}

/** Composes the supergraph ahead of time, as the gateway must never introspect at run time. */
export function composeSupergraph(sdl: Record<SubgraphName, string>): ComposedSchemas {
  const result = composeServices(
    SUBGRAPHS.map(({ name }) => ({ name, url: subgraphUrl(name), typeDefs: parse(sdl[name]) })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  const api = printSchema(result.schema.toAPISchema().toGraphQLJSSchema());
  return { supergraph: `${result.supergraphSdl.trimEnd()}\n`, api: `${api.trimEnd()}\n` };
}
