import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SUBGRAPHS } from '@rz/contract';
import { composeSupergraph, emitAllSubgraphSdl } from './compose/compose';
import { SUPERGRAPH_FILE, subgraphSdlFile } from './paths';

/** `npm run compose`: writes each subgraph's SDL and the composed supergraph into schema/. */
async function main(): Promise<void> {
  const sdl = await emitAllSubgraphSdl();
  for (const { name } of SUBGRAPHS) {
    mkdirSync(dirname(subgraphSdlFile(name)), { recursive: true });
    writeFileSync(subgraphSdlFile(name), sdl[name]);
  }
  writeFileSync(SUPERGRAPH_FILE, composeSupergraph(sdl));
  process.stdout.write(`Composed ${SUBGRAPHS.length} subgraphs into ${SUPERGRAPH_FILE}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
