import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUBGRAPHS, subgraphEnvPrefix } from '@rz/contract';
import { testEnv } from '@rz/test-support';
import { loadGatewayConfig } from '../config';
import { startGateway, type RunningGateway } from '../http/server';

/**
 * The real gateway in process for gateway tests, with every subgraph at
 * `<stubUrl>/<name>/graphql` (one stub server standing in for all of them),
 * the test keys, and a scratch evidence store.
 */
export function startTestGateway(stubUrl: string, env: Record<string, string> = {}): Promise<RunningGateway> {
  return startGateway(
    loadGatewayConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      AUTH_JWKS_FILE: testEnv().jwksFile,
      EVIDENCE_SECRET: testEnv().evidenceSecret,
      EVIDENCE_DIR: mkdtempSync(join(tmpdir(), 'rz-evidence-')),
      ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [`${subgraphEnvPrefix(name)}URL`, `${stubUrl}/${name}/graphql`])),
      ...env,
    }),
  );
}
