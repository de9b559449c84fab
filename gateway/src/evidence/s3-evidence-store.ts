import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { EVIDENCE_KINDS, type EvidenceKind } from '@rz/contract';
import type { ByteRange, EvidenceStore, StoredEvidence } from './evidence-store';

export interface S3EvidenceStoreOptions {
  bucket: string;
  /** Key prefix. Default "evidence/". */
  prefix?: string;
  region: string;
  /** An S3-compatible service (MinIO, Ceph RGW...); unset for AWS. */
  endpoint?: string;
  forcePathStyle?: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** Evidence in an S3-compatible bucket, one object per hash, with the kind in the object metadata. */
export class S3EvidenceStore implements EvidenceStore {
  readonly spoolDir = join(tmpdir(), 'rz-evidence-spool');
  private readonly client: S3Client;
  private readonly prefix: string;

  constructor(private readonly options: S3EvidenceStoreOptions) {
    this.prefix = options.prefix ?? 'evidence/';
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle ?? true,
      credentials: options.credentials,
      // Plain signed PUTs: many S3-compatible services reject the newer default checksum trailers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async init(): Promise<this> {
    await mkdir(this.spoolDir, { recursive: true, mode: 0o700 });
    return this;
  }

  private key(sha256: string): string {
    return `${this.prefix}${sha256}`;
  }

  async put(sha256: string, file: string, meta: StoredEvidence): Promise<void> {
    try {
      if (await this.stat(sha256)) return;
      const { size } = await stat(file);
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key: this.key(sha256),
          Body: createReadStream(file),
          ContentLength: size,
          ContentType: meta.mime,
          Metadata: { kind: meta.kind },
        }),
      );
    } finally {
      await rm(file, { force: true });
    }
  }

  async stat(sha256: string): Promise<StoredEvidence | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.key(sha256) }));
      const kind = head.Metadata?.kind as EvidenceKind | undefined;
      if (!kind || !EVIDENCE_KINDS.includes(kind) || !head.ContentType) return null;
      return { kind, mime: head.ContentType, size: head.ContentLength ?? 0 };
    } catch (error) {
      if (error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === 'NotFound')) return null;
      throw error;
    }
  }

  async read(sha256: string, range?: ByteRange): Promise<Readable> {
    const object = await this.client.send(
      new GetObjectCommand({
        Bucket: this.options.bucket,
        Key: this.key(sha256),
        Range: range ? `bytes=${range.start}-${range.end}` : undefined,
      }),
    );
    return object.Body as Readable;
  }

  destroy(): void {
    this.client.destroy();
  }
}
