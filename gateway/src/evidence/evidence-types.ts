import type { EvidenceKind } from '@rz/contract';

export interface EvidenceType {
  kind: EvidenceKind;
  /** Content-Type the file is served with. */
  mime: string;
  /** Images are decoded and re-encoded (metadata stripped); this is the format they are stored in. */
  reencodeAs?: 'jpeg' | 'png' | 'webp';
  /** ISO BMFF containers (MP4, M4A) are rewritten without their metadata (place, device). */
  stripContainerMetadata?: boolean;
}

/** Allowed files by the extension file-type detects from their bytes; everything else is refused. */
export const ALLOWED_EVIDENCE_TYPES: Readonly<Record<string, EvidenceType>> = {
  jpg: { kind: 'photo', mime: 'image/jpeg', reencodeAs: 'jpeg' },
  png: { kind: 'photo', mime: 'image/png', reencodeAs: 'png' },
  webp: { kind: 'photo', mime: 'image/webp', reencodeAs: 'webp' },
  // Stored as JPEG: browsers outside Apple's cannot show HEIC.
  heic: { kind: 'photo', mime: 'image/jpeg', reencodeAs: 'jpeg' },
  mp4: { kind: 'video', mime: 'video/mp4', stripContainerMetadata: true },
  webm: { kind: 'video', mime: 'video/webm' },
  mkv: { kind: 'video', mime: 'video/x-matroska' },
  mp3: { kind: 'audio', mime: 'audio/mpeg' },
  m4a: { kind: 'audio', mime: 'audio/mp4', stripContainerMetadata: true },
  aac: { kind: 'audio', mime: 'audio/aac' },
  ogg: { kind: 'audio', mime: 'audio/ogg' },
  oga: { kind: 'audio', mime: 'audio/ogg' },
  opus: { kind: 'audio', mime: 'audio/ogg' },
  wav: { kind: 'audio', mime: 'audio/wav' },
};

type FileTypeModule = typeof import('file-type');
let fileType: Promise<FileTypeModule> | undefined;

/**
 * file-type is ESM-only: loaded on first use, so modules that merely import this
 * one (and jest, which cannot load it) do not pay for it.
 */
function loadFileType(): Promise<FileTypeModule> {
  fileType ??= import('file-type');
  return fileType;
}

/** The allowed type of these bytes by their magic numbers (the client's Content-Type is not consulted), or null. */
export async function detectEvidenceType(source: { file: string } | { bytes: Uint8Array }): Promise<EvidenceType | null> {
  const { fileTypeFromFile, fileTypeFromBuffer } = await loadFileType();
  const detected = 'file' in source ? await fileTypeFromFile(source.file) : await fileTypeFromBuffer(source.bytes);
  return (detected && ALLOWED_EVIDENCE_TYPES[detected.ext]) ?? null;
}
