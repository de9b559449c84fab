import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SUBGRAPHS } from '@rz/contract';
import { API_SCHEMA_FILE, composeSupergraph, emitAllSubgraphSdl } from './compose/compose';
import { SUPERGRAPH_FILE, subgraphSdlFile } from './paths';

/** `npm run compose`: writes each subgraph's SDL, the composed supergraph and its public API into schema/. */
async function main(): Promise<void> {
  const sdl = await emitAllSubgraphSdl();
  for (const { name } of SUBGRAPHS) {
    mkdirSync(dirname(subgraphSdlFile(name)), { recursive: true });
    writeFileSync(subgraphSdlFile(name), sdl[name]);
  }
  const composed = composeSupergraph(sdl);
  writeFileSync(SUPERGRAPH_FILE, composed.supergraph);
  writeFileSync(API_SCHEMA_FILE, composed.api);
  process.stdout.write(`Composed ${SUBGRAPHS.length} subgraphs into ${SUPERGRAPH_FILE} (public API: ${API_SCHEMA_FILE})\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
