import type { Logger, TokenVerifier } from '@rz/service-kit';
import type { Express } from 'express';
import type { EvidenceConfig } from '../config';
import type { EvidenceStore } from './evidence-store';
import { mountEvidenceRoutes } from './evidence-routes';
import { FileEvidenceStore } from './file-evidence-store';
import { S3EvidenceStore } from './s3-evidence-store';
import { MediaMetadataStripper } from './strip-media-metadata';

/** The store the configuration asks for: an S3-compatible bucket when EVIDENCE_S3_BUCKET is set, else EVIDENCE_DIR. */
export async function createEvidenceStore(config: EvidenceConfig): Promise<EvidenceStore> {
  if (config.EVIDENCE_S3_BUCKET) {
    return new S3EvidenceStore({
      bucket: config.EVIDENCE_S3_BUCKET,
      prefix: config.EVIDENCE_S3_PREFIX,
      region: config.EVIDENCE_S3_REGION,
      endpoint: config.EVIDENCE_S3_ENDPOINT,
      forcePathStyle: config.EVIDENCE_S3_FORCE_PATH_STYLE,
      credentials:
        config.EVIDENCE_S3_ACCESS_KEY_ID && config.EVIDENCE_S3_SECRET_ACCESS_KEY
          ? { accessKeyId: config.EVIDENCE_S3_ACCESS_KEY_ID, secretAccessKey: config.EVIDENCE_S3_SECRET_ACCESS_KEY }
          : undefined,
    }).init();
  }
  return new FileEvidenceStore(config.EVIDENCE_DIR).init();
}

/**
 * Mounts `POST /evidence` and `GET /evidence/<sha256>` with the configured store and limits;
 * uploaders are identified by the gateway's one token verifier. Returns what stops its
 * helper process (ExifTool), for the gateway's shutdown.
 */
export async function mountEvidenceEndpoint(
  app: Express,
  config: EvidenceConfig,
  tokens: Pick<TokenVerifier, 'subjectOf'>,
  logger: Logger,
): Promise<{ close(): Promise<void> }> {
  const media = new MediaMetadataStripper();
  mountEvidenceRoutes(app, {
    secret: config.EVIDENCE_SECRET,
    store: await createEvidenceStore(config),
    tokens,
    maxBytes: { photo: config.EVIDENCE_MAX_PHOTO_BYTES, audio: config.EVIDENCE_MAX_AUDIO_BYTES, video: config.EVIDENCE_MAX_VIDEO_BYTES },
    maxImagePixels: config.EVIDENCE_MAX_IMAGE_PIXELS,
    media,
    logger,
  });
  return { close: () => media.close() };
}
