import { createHash } from 'node:crypto';
import { v7 } from 'uuid';

/** New row ids are UUIDv7: time-ordered, so keyset pages run newest first. */
export function newId(): string {
  return v7();
}

const DEMO_EPOCH = Date.UTC(2026, 0, 1);

/**
 * A deterministic UUIDv7 for reference and demo rows, so one subgraph's demo data can
 * point at another's (e.g. a media item about monument KZH001) without sharing a database.
 */
export function stableId(key: string): string {
  const random = createHash('sha256').update(key).digest().subarray(0, 16);
  return v7({ msecs: DEMO_EPOCH, random: Uint8Array.from(random) });
}
