import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { ByteRange, EvidenceStore, StoredEvidence } from './evidence-store';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Evidence on a local or mounted volume: `<dir>/<first two hex>/<sha256>` with a
 * `<sha256>.json` beside it (kind, type, size). Uploads are spooled in `<dir>/.incoming`
 * so that storing is an atomic rename.
 */
export class FileEvidenceStore implements EvidenceStore {
  readonly spoolDir: string;

  constructor(private readonly dir: string) {
    this.spoolDir = join(dir, '.incoming');
  }

  async init(): Promise<this> {
    await mkdir(this.spoolDir, { recursive: true, mode: 0o700 });
    return this;
  }

  private pathOf(sha256: string): string {
    // Hashes come from our own hashing or from a signed URL; checked anyway, as they become paths.
    if (!SHA256_HEX.test(sha256)) throw new Error('not a SHA-256 hex digest');
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  async put(sha256: string, file: string, meta: StoredEvidence): Promise<void> {
    const target = this.pathOf(sha256);
    if (await this.stat(sha256)) {
      await rm(file, { force: true });
      return;
    }
    await mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
    // Metadata first: a file without its metadata is never served.
    const metaSpool = `${file}.json`;
    await writeFile(metaSpool, JSON.stringify(meta), { mode: 0o600 });
    await rename(metaSpool, `${target}.json`);
    await rename(file, target);
  }

  async stat(sha256: string): Promise<StoredEvidence | null> {
    const target = this.pathOf(sha256);
    try {
      const [meta, info] = await Promise.all([readFile(`${target}.json`, 'utf8'), stat(target)]);
      const parsed = JSON.parse(meta) as StoredEvidence;
      return { kind: parsed.kind, mime: parsed.mime, size: info.size };
    } catch {
      return null;
    }
  }

  async read(sha256: string, range?: ByteRange): Promise<Readable> {
    return createReadStream(this.pathOf(sha256), range ? { start: range.start, end: range.end } : {});
  }
}
