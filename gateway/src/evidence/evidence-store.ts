import type { Readable } from 'node:stream';
import type { EvidenceKind } from '@rz/contract';

export interface StoredEvidence {
  kind: EvidenceKind;
  mime: string;
  size: number;
}

/** An inclusive byte range, as in HTTP `Range: bytes=start-end`. */
export interface ByteRange {
  start: number;
  end: number;
}

/** Content-addressed evidence storage: a file is written once under the SHA-256 of its bytes. */
export interface EvidenceStore {
  /** Where uploads are spooled before `put` (on the same volume as the store when it is a filesystem). */
  readonly spoolDir: string;
  /** Takes ownership of `file` (moved or deleted). Storing the same hash again keeps the first copy. */
  put(sha256: string, file: string, meta: StoredEvidence): Promise<void>;
  stat(sha256: string): Promise<StoredEvidence | null>;
  read(sha256: string, range?: ByteRange): Promise<Readable>;
}
