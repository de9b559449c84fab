import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Contract between the gateway's evidence upload endpoint and the subgraphs that
 * attach evidence (complaints). Both hold the same secret (EVIDENCE_SECRET).
 *
 * - An evidence id is `<sha256 of the stored bytes>.<kind>.<mac>`: the mac proves
 *   the file passed the upload checks, so a client cannot attach arbitrary hashes.
 * - A download URL is signed the same way and expires.
 */
export type EvidenceKind = 'photo' | 'video' | 'audio';
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['photo', 'video', 'audio'];

const SHA256_HEX = /^[0-9a-f]{64}$/;

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 32);
}

function sameMac(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function signEvidenceId(secret: string, sha256: string, kind: EvidenceKind): string {
  return `${sha256}.${kind}.${mac(secret, `evidence:${sha256}.${kind}`)}`;
}

/** The hash and kind of a genuine evidence id, or null for anything else. */
export function verifyEvidenceId(secret: string, id: string): { sha256: string; kind: EvidenceKind } | null {
  const [sha256, kind, signature, ...rest] = id.split('.');
  if (rest.length || !SHA256_HEX.test(sha256 ?? '') || !EVIDENCE_KINDS.includes(kind as EvidenceKind) || !signature) return null;
  return sameMac(signature, mac(secret, `evidence:${sha256}.${kind}`)) ? { sha256, kind: kind as EvidenceKind } : null;
}

/** Path and query of a download link valid until `expiresAt` (epoch seconds). */
export function signEvidenceDownload(secret: string, sha256: string, expiresAt: number): string {
  return `/evidence/${sha256}?exp=${expiresAt}&sig=${mac(secret, `download:${sha256}:${expiresAt}`)}`;
}

export function verifyEvidenceDownload(secret: string, sha256: string, exp: string, sig: string, nowSeconds: number): boolean {
  const expiresAt = Number(exp);
  if (!SHA256_HEX.test(sha256) || !Number.isInteger(expiresAt) || expiresAt < nowSeconds || !sig) return false;
  return sameMac(sig, mac(secret, `download:${sha256}:${expiresAt}`));
}
