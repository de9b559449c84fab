import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Row } from './scale-options';

/** One value in COPY's text format. */
function text(value: Row[string]): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/**
 * Streams rows into a table with COPY (text format), in chunks of about 256 KiB with the
 * stream's backpressure; columns are the first row's keys. Returns the number of rows.
 */
export async function copyRows(client: Client, table: string, rows: Iterable<Row>): Promise<number> {
  const iterator = rows[Symbol.iterator]();
  const first = iterator.next();
  if (first.done) return 0;
  const columns = Object.keys(first.value);
  let count = 0;
  function* chunks(): Generator<string> {
    let chunk = '';
    for (let step: IteratorResult<Row> = first; !step.done; step = iterator.next()) {
      const row = step.value;
      let line = '';
      for (let c = 0; c < columns.length; c += 1) line += (c ? '\t' : '') + text(row[columns[c]]);
      chunk += `${line}\n`;
      count += 1;
      if (chunk.length > 262_144) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  const sql = `COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`;
  await pipeline(Readable.from(chunks(), { objectMode: false }), client.query(copyFrom(sql)));
  return count;
}
