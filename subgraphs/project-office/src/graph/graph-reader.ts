import { gatewaySecretParams } from '@rz/service-kit';
import type { ProjectOfficeConfig } from '../config';

/**
 * Reads public figures of the other subprogrammes through the gateway's own /graphql, as any
 * client does: anonymously (only what anyone may see), under the gateway's limits, and without
 * opening the subgraphs to anything but the gateway. Its documents are built per request (aliases
 * per id), so no manifest can list them: it sends the shared secret, which lets our own services
 * send documents where TRUSTED_DOCUMENTS=anonymous requires ids of the public (docs/frontend.md).
 * Errors are thrown, never half-used.
 */
export class GraphReader {
  constructor(private readonly config: Pick<ProjectOfficeConfig, 'GATEWAY_URL' | 'SUBGRAPH_SHARED_SECRET'>) {}

  async read<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(this.config.GATEWAY_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...gatewaySecretParams(this.config.SUBGRAPH_SHARED_SECRET) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json().catch(() => null)) as { data?: T; errors?: { message: string }[] } | null;
    if (!body?.data || body.errors?.length) {
      throw new Error(`The gateway did not answer (HTTP ${response.status}): ${body?.errors?.map((e) => e.message).join('; ') ?? 'no body'}`);
    }
    return body.data;
  }
}
