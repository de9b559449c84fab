import type { ProjectOfficeConfig } from '../config';

/**
 * Reads public figures of the other subprogrammes through the gateway's own /graphql, as any
 * client does: anonymously (only what anyone may see), under the gateway's limits, and without
 * opening the subgraphs to anything but the gateway. Errors are thrown, never half-used.
 */
export class GraphReader {
  constructor(private readonly config: Pick<ProjectOfficeConfig, 'GATEWAY_URL'>) {}

  async read<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(this.config.GATEWAY_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
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
