/**
 * Ids of scale rows: UUIDv7 like the subgraphs' newId()/stableId(), so keyset pages stay
 * newest first, with the creation time in the first 48 bits. The random bits are replaced
 * by a fixed 42-bit mark and a per-table sequence number: ids never repeat within a table,
 * and `--reset` finds exactly the rows this tool wrote (a random id carries the mark with
 * odds of one in 4 * 10^12).
 */
const MARK = '75ca-a1e0-ca1e';

/** SQL predicate that matches scale rows of a table by their id. */
export const SCALE_ID_SQL = `id::text LIKE '%-${MARK}%'`;

export function scaleId(ms: number, sequence: number): string {
  if (!Number.isInteger(ms) || ms < 0 || ms >= 2 ** 48) throw new Error(`Bad timestamp for an id: ${ms}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence >= 2 ** 32) throw new Error(`Bad sequence for an id: ${sequence}`);
  const time = ms.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-${MARK}${sequence.toString(16).padStart(8, '0')}`;
}

export function isScaleId(id: string): boolean {
  return id.includes(`-${MARK}`);
}

/** Milliseconds since the epoch encoded in a UUIDv7. */
export function idTime(id: string): number {
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

/** Hands out ids in one table's sequence. */
export class IdSequence {
  private next = 0;

  id(ms: number): string {
    return scaleId(Math.round(ms), this.next++);
  }
}
