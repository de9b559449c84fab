import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';

/** Bytes file-type needs to recognise most formats. */
const HEAD_BYTES = 4_100;

export interface ReceivedUpload {
  /** Spooled copy of the body; the caller removes or stores it. */
  file: string;
  size: number;
  sha256: string;
}

export class UploadTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`File too large (limit ${limit} bytes)`);
  }
}

export interface ReceiveOptions {
  spoolDir: string;
  /** Hard limit before the type is known. */
  maxBytes: number;
  /**
   * Called once with the first bytes: returns the limit for the type they show
   * (null when they show none), so an oversized photo is cut at 10 MB, not 100.
   */
  limitForHead?: (head: Buffer) => Promise<number | null>;
}

/**
 * Spools a raw request body to disk, hashing it on the way and enforcing the
 * size limit as bytes arrive. On refusal the request is left paused: the caller
 * answers and then drains or closes it.
 */
export function receiveUpload(req: IncomingMessage, options: ReceiveOptions): Promise<ReceivedUpload> {
  return new Promise((resolve, reject) => {
    const file = join(options.spoolDir, randomUUID());
    const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
    const hash = createHash('sha256');
    let size = 0;
    let limit = options.maxBytes;
    let head: Buffer[] | null = options.limitForHead ? [] : null;
    let headSize = 0;
    let settled = false;

    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.pause();
      out.destroy();
      void rm(file, { force: true });
      reject(error);
    };

    const write = (chunk: Buffer) => {
      hash.update(chunk);
      if (!out.write(chunk)) {
        req.pause();
        out.once('drain', () => !settled && req.resume());
      }
    };

    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return fail(new UploadTooLarge(limit));
      write(chunk);
      if (head) {
        head.push(chunk);
        headSize += chunk.length;
        if (headSize >= HEAD_BYTES) inspectHead();
      }
    };

    const inspectHead = () => {
      const bytes = Buffer.concat(head!);
      head = null;
      req.pause();
      options.limitForHead!(bytes).then(
        (typeLimit) => {
          if (typeLimit !== null) limit = Math.min(limit, typeLimit);
          if (size > limit) return fail(new UploadTooLarge(limit));
          if (!settled && out.writableNeedDrain === false) req.resume();
          else if (!settled) out.once('drain', () => !settled && req.resume());
        },
        (error: Error) => fail(error),
      );
    };

    const onEnd = () => {
      out.end(() => {
        if (settled) return;
        settled = true;
        resolve({ file, size, sha256: hash.digest('hex') });
      });
    };

    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', fail);
    req.once('close', () => !req.complete && fail(new Error('Upload interrupted')));
    out.once('error', fail);
  });
}
