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

/** A counter with a `subgraph` label from the gateway's /metrics; 0 before its first increment. */
export async function subgraphCounter(gateway: RunningGateway, name: string, subgraph: string): Promise<number> {
  const text = await (await fetch(gateway.url.replace(/\/graphql$/, '/metrics'))).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{subgraph="${subgraph}"}`));
  return line ? Number(line.split(' ').pop()) : 0;
}
