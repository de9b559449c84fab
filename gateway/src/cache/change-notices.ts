import type { Logger } from '@rz/service-kit';
import { Client } from 'pg';
import type { ResponseCache } from './response-cache';

/** The channel subgraphs notify on commit (`<schema>:<table>`, see @rz/subgraph-runtime change-notices). */
export const CHANGE_CHANNEL = 'rz_entity_changed';

/**
 * LISTENs for the subgraphs' change notices and evicts what they touch: a commit through any
 * replica reaches every gateway replica. While the connection is down, notices may be missed, so the
 * cache is cleared and off until it is back (reconnecting every few seconds).
 */
export async function listenForChanges(cache: ResponseCache, databaseUrl: string, logger: Logger): Promise<{ close(): Promise<void> }> {
  let client: Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new Client({ connectionString: databaseUrl, application_name: 'gateway-response-cache' });
    next.on('notification', ({ payload }) => {
      const schema = payload?.split(':')[0];
      if (schema) void Promise.resolve(cache.evictSubgraph(schema.replace(/_/g, '-'))).catch((error: Error) => logger.warn({ err: error.message }, 'response cache: eviction failed'));
    });
    next.on('error', (error) => {
      logger.warn({ err: error.message }, 'response cache: change notices lost, cache off until they are back');
      lost(next);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    client = next;
    await cache.clear();
    cache.enabled = true;
  };
  const reconnect = () => {
    if (!closed) retry = setTimeout(() => void connect().catch(reconnect), 2_000);
  };
  const lost = (which: Client) => {
    if (which !== client) return;
    client = undefined;
    cache.enabled = false;
    void Promise.resolve(cache.clear()).catch(() => undefined);
    void which.end().catch(() => undefined);
    reconnect();
  };

  cache.enabled = false;
  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
