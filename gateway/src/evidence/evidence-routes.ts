import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { signEvidenceId, verifyEvidenceDownload, type ErrorCode, type EvidenceKind } from '@rz/contract';
import type { Logger, TokenVerifier } from '@rz/service-kit';
import type { Express, Request, Response } from 'express';
import { errorBody } from '../errors/coded-error';
import type { ByteRange, EvidenceStore } from './evidence-store';
import { detectEvidenceType } from './evidence-types';
import { receiveUpload, UploadTooLarge } from './receive-upload';
import { ImageRefused, stripImageMetadata } from './strip-image-metadata';
import { MediaRefused, type MediaMetadataStripper } from './strip-media-metadata';

export interface EvidenceRoutesOptions {
  /** EVIDENCE_SECRET, shared with atameken. */
  secret: string;
  store: EvidenceStore;
  tokens: Pick<TokenVerifier, 'subjectOf'>;
  /** Size limit per kind, in bytes. */
  maxBytes: Record<EvidenceKind, number>;
  /** Largest image decoded, in pixels. */
  maxImagePixels: number;
  /** Rewrites MP4/M4A files without their metadata. */
  media: MediaMetadataStripper;
  logger: Logger;
}

/** Size and SHA-256 of a file, read as a stream (videos may be large). */
async function hashFile(file: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}

/**
 * Answers before the body is read (or after a refusal half-way): the rest of the
 * body is discarded, up to `cap` bytes, then the connection is cut.
 */
function refuse(req: Request, res: Response, status: number, code: ErrorCode, message: string, cap: number): void {
  if (res.headersSent) return;
  if (!req.complete) res.set('Connection', 'close');
  res.status(status).json(errorBody(code, message));
  if (req.complete) return;
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > cap) req.destroy();
  });
  req.on('error', () => undefined);
  req.resume();
}

function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (!match[1] && !match[2])) return undefined; // absent, multiple or odd ranges: the whole file
  const start = match[1] ? Number(match[1]) : Math.max(0, size - Number(match[2]));
  const end = match[1] && match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

/**
 * `POST /evidence`: the raw file as the body (not GraphQL multipart), for any
 * signed-in user. The type comes from the bytes (magic numbers) and must be on the
 * allow list; the size limit depends on that type; images are re-encoded without
 * metadata; the file is stored under the SHA-256 of the stored bytes. Answers
 * `{ id, kind, size }`, where id is the signed evidence id atameken accepts.
 *
 * `GET /evidence/<sha256>?exp=&sig=`: the file, only with an unexpired link signed
 * by atameken for a viewer allowed to see it; anything else is 403 or 404, no details.
 */
export function mountEvidenceRoutes(app: Express, options: EvidenceRoutesOptions): void {
  const { store, maxBytes, logger } = options;
  const largest = Math.max(...Object.values(maxBytes));

  const upload = async (req: Request, res: Response) => {
    const refuseUpload = (status: number, code: ErrorCode, message: string) => refuse(req, res, status, code, message, largest);
    const subject = await options.tokens.subjectOf(req.headers.authorization);
    if (!subject) return refuseUpload(401, 'UNAUTHENTICATED', 'Sign in to upload evidence');
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > largest) {
      return refuseUpload(413, 'PAYLOAD_TOO_LARGE', `File too large (limit ${largest} bytes)`);
    }

    const spooled: string[] = [];
    try {
      let received;
      try {
        received = await receiveUpload(req, {
          spoolDir: store.spoolDir,
          maxBytes: largest,
          limitForHead: async (head) => {
            const type = await detectEvidenceType({ bytes: head });
            return type ? maxBytes[type.kind] : null;
          },
        });
      } catch (error) {
        if (error instanceof UploadTooLarge) return refuseUpload(413, 'PAYLOAD_TOO_LARGE', error.message);
        return refuseUpload(400, 'BAD_REQUEST', 'The upload was interrupted');
      }
      spooled.push(received.file);
      if (received.size === 0) return refuseUpload(400, 'BAD_REQUEST', 'Send the file as the request body');

      const type = await detectEvidenceType({ file: received.file });
      if (!type) {
        return refuseUpload(415, 'UNSUPPORTED_MEDIA_TYPE', 'Allowed files: JPEG, PNG, WebP or HEIC photos; MP4, WebM or Matroska video; MP3, M4A/AAC, OGG or WAV audio');
      }
      if (received.size > maxBytes[type.kind]) {
        return refuseUpload(413, 'PAYLOAD_TOO_LARGE', `File too large (limit ${maxBytes[type.kind]} bytes for ${type.kind})`);
      }

      let stored = { file: received.file, size: received.size, sha256: received.sha256 };
      if (type.reencodeAs) {
        let bytes: Buffer;
        try {
          bytes = await stripImageMetadata(received.file, { maxPixels: options.maxImagePixels, format: type.reencodeAs });
        } catch (error) {
          if (!(error instanceof ImageRefused)) throw error;
          return error.reason === 'too-large'
            ? refuseUpload(413, 'PAYLOAD_TOO_LARGE', error.message)
            : refuseUpload(415, 'UNSUPPORTED_MEDIA_TYPE', error.message);
        }
        const file = join(store.spoolDir, `${randomUUID()}.clean`);
        spooled.push(file);
        await writeFile(file, bytes, { mode: 0o600 });
        stored = { file, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
      } else if (type.stripContainerMetadata) {
        try {
          await options.media.strip(received.file);
        } catch (error) {
          if (!(error instanceof MediaRefused)) throw error;
          return refuseUpload(415, 'UNSUPPORTED_MEDIA_TYPE', error.message);
        }
        stored = { file: received.file, ...(await hashFile(received.file)) };
      }

      await store.put(stored.sha256, stored.file, { kind: type.kind, mime: type.mime, size: stored.size });
      logger.info({ kind: type.kind, size: stored.size, sha256: stored.sha256 }, 'evidence stored');
      res.status(201).json({ id: signEvidenceId(options.secret, stored.sha256, type.kind), kind: type.kind, size: stored.size });
    } finally {
      await Promise.all(spooled.map((file) => rm(file, { force: true })));
    }
  };

  const download = async (req: Request, res: Response) => {
    const { exp, sig } = req.query;
    const sha256 = String(req.params.sha256);
    const now = Math.floor(Date.now() / 1000);
    if (typeof exp !== 'string' || typeof sig !== 'string' || !verifyEvidenceDownload(options.secret, sha256, exp, sig, now)) {
      return res.status(403).json(errorBody('FORBIDDEN', 'Forbidden'));
    }
    const meta = await store.stat(sha256);
    if (!meta) return res.status(404).json(errorBody('NOT_FOUND', 'Not found'));

    const range = parseRange(req.headers.range, meta.size);
    if (range === 'unsatisfiable') {
      return res.status(416).set('Content-Range', `bytes */${meta.size}`).json(errorBody('RANGE_NOT_SATISFIABLE', 'Range not satisfiable'));
    }
    res.set({
      'Content-Type': meta.mime,
      'Accept-Ranges': 'bytes',
      'Cache-Control': `private, max-age=${Math.max(0, Number(exp) - now)}`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      // The URL carries the signature: never leak it to another site.
      'Referrer-Policy': 'no-referrer',
    });
    if (range) {
      res.status(206).set({ 'Content-Range': `bytes ${range.start}-${range.end}/${meta.size}`, 'Content-Length': String(range.end - range.start + 1) });
    } else {
      res.status(200).set('Content-Length', String(meta.size));
    }
    try {
      await pipeline(await store.read(sha256, range), res);
    } catch (error) {
      // The viewer went away mid-file: nothing to report.
      if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
    }
  };

  const guarded = (handler: (req: Request, res: Response) => Promise<unknown>) => (req: Request, res: Response) => {
    handler(req, res).catch((error: Error) => {
      logger.error({ err: error, route: req.path }, 'evidence request failed');
      if (!res.headersSent) refuse(req, res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error', largest);
      else res.destroy();
    });
  };

  app.post('/evidence', guarded(upload));
  app.get('/evidence/:sha256', guarded(download));
}
