import { setTimeout as sleep } from 'node:timers/promises';
import { createClient, type Client } from 'graphql-ws';
import { Client as PgClient } from 'pg';
import WebSocket from 'ws';
import { gql, type TestDatabase } from '@rz/test-support';

export const LIVE = `subscription($territory: ID, $after: String) {
  complaintStatusChanged(territory: $territory, after: $after) { cursor to complaint { id } }
}`;

/** A dashboard's client: reconnects whenever the socket drops and resubscribes from the last cursor it received. */
export interface ResumingClient {
  cursors: string[];
  errors: unknown[];
  /** Close codes the client saw, in order. */
  closes: number[];
  /** Times it was cut off as a slow consumer (and resubscribed from its cursor). */
  cutOffs: number;
  dispose(): Promise<void>;
}

export function resumingClient(gatewayUrl: string, territory: string, after: string, token?: string): ResumingClient {
  const state: ResumingClient = { cursors: [], errors: [], closes: [], cutOffs: 0, dispose: async () => undefined };
  const client: Client = createClient({
    url: gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 1_000,
    shouldRetry: () => true,
    retryWait: () => sleep(100 + Math.random() * 200),
    on: { closed: (event) => state.closes.push((event as { code: number }).code) },
  });
  let cursor = after;
  const start = () => client.subscribe<{ complaintStatusChanged: { cursor: string } }>(
    {
      query: LIVE,
      // graphql-ws sends this payload again on every reconnect: resume from the last event received.
      get variables() {
        return { territory, after: cursor };
      },
    },
    {
      next: (result) => {
        if (result.errors) state.errors.push(...result.errors);
        const received = result.data?.complaintStatusChanged.cursor;
        if (received) {
          state.cursors.push(received);
          cursor = received;
        }
      },
      error: (error) => {
        // Cut off for reading too slowly: resubscribe from the last event received, as the gateway asks.
        if (Array.isArray(error) && error[0]?.extensions?.code === 'SLOW_CONSUMER') {
          state.cutOffs += 1;
          start();
        } else state.errors.push(error);
      },
      complete: () => undefined,
    },
  );
  start();
  state.dispose = () => client.dispose() as Promise<void>;
  return state;
}

/** The newest event cursor, as a dashboard reads it before subscribing. */
export async function headCursor(gatewayUrl: string): Promise<string> {
  const res = await gql(gatewayUrl, '{ complaintStatusChangedCursor }');
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.complaintStatusChangedCursor;
}

/** Ground truth: the outbox's cursors for a territory after `after`, read from the database itself. */
export async function outboxCursors(database: TestDatabase, territory: string, after: string): Promise<string[]> {
  const client = new PgClient({ connectionString: database.subgraphs.find((s) => s.schema === 'atameken')!.url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT id::text FROM complaint_event WHERE territory_code = $1 AND id > $2 ORDER BY id', [territory, after]);
    return rows.map((r) => r.id as string);
  } finally {
    await client.end();
  }
}

export interface Tally {
  fault: string;
  clients: number;
  delivered: number;
  expected: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
}

/** Per client: events received against the outbox; summed over clients. */
export function tally(fault: string, clients: { cursors: string[] }[], expected: string[]): Tally {
  const row: Tally = { fault, clients: clients.length, delivered: 0, expected: expected.length * clients.length, lost: 0, duplicated: 0, outOfOrder: 0 };
  for (const { cursors } of clients) {
    const seen = new Set(cursors);
    row.delivered += cursors.length;
    row.duplicated += cursors.length - seen.size;
    row.lost += expected.filter((c) => !seen.has(c)).length;
    row.outOfOrder += cursors.filter((c, i) => i > 0 && BigInt(c) < BigInt(cursors[i - 1])).length;
  }
  return row;
}

/** Waits until every client has at least `count` events (or the time is up); then lets stragglers (duplicates) arrive. */
export async function settle(clients: { cursors: string[] }[], count: number, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (clients.some((c) => c.cursors.length < count) && Date.now() < until) await sleep(100);
  await sleep(500);
}
