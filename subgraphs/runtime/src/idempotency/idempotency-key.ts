import { badUserInput } from '@rz/schema';
import type { EntityManager, QueryRunner } from 'typeorm';
import type { SubgraphContext } from '../context';

/** The header a client may send instead of the `idempotencyKey` argument; the gateway forwards it. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** The argument's description, the same on every idempotent mutation. */
export const IDEMPOTENCY_KEY_DESCRIPTION =
  'A token the client makes for this write (1 to 200 visible ASCII characters, e.g. a UUID): a retry with the same key, by the same person, returns the first result instead of writing again. The Idempotency-Key header does the same.';

/** Visible ASCII, 1 to 200 characters: a UUID, a ULID or any client-made token. */
const KEY = /^[\x21-\x7e]{1,200}$/;

/** The key of this write: the mutation's `idempotencyKey` argument, else the Idempotency-Key header; null without either. */
export function idempotencyKeyOf(ctx: Pick<SubgraphContext, 'idempotencyKey'>, argument?: string | null): string | null {
  const key = argument ?? ctx.idempotencyKey ?? null;
  if (key === null) return null;
  if (!KEY.test(key)) {
    throw badUserInput(argument != null ? 'idempotencyKey' : IDEMPOTENCY_KEY_HEADER, 'An idempotency key is 1 to 200 visible ASCII characters, such as a UUID');
  }
  return key;
}

export interface IdempotencyClaim {
  /** The mutation, e.g. `fileComplaint`: one key may serve different operations. */
  operation: string;
  /** Whose key it is: the same key from another viewer is another key. */
  subject: string;
  key: string | null;
}

/**
 * Claims the key inside the write's own transaction, naming the row the write is about
 * to create. Returns null when the key is new (go on and create `resultId`), or the id
 * the first request with this key created (return that row, create nothing). A parallel
 * request with the same key waits on the key's row until the first commits or rolls
 * back, so retries sent at once still make one row; a rolled-back first try frees the key.
 */
export async function claimIdempotencyKey(tx: EntityManager, claim: IdempotencyClaim, resultId: string): Promise<string | null> {
  if (!claim.key) return null;
  const params = [claim.operation, claim.subject, claim.key];
  const inserted: unknown[] = await tx.query(
    `INSERT INTO idempotency_key (operation, subject, key, result_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING result_id`,
    [...params, resultId],
  );
  if (inserted.length) return null;
  const [first]: { result_id: string }[] = await tx.query(`SELECT result_id FROM idempotency_key WHERE operation = $1 AND subject = $2 AND key = $3`, params);
  return first.result_id;
}

/** For each subgraph's migration that adds the table (hand-written SQL, relying on search_path). */
export async function createIdempotencyKeyTable(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE TABLE idempotency_key (
      operation text NOT NULL,
      subject text NOT NULL,
      key text NOT NULL,
      result_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (operation, subject, key)
    )`);
}

export async function dropIdempotencyKeyTable(q: QueryRunner): Promise<void> {
  await q.query(`DROP TABLE idempotency_key`);
}
