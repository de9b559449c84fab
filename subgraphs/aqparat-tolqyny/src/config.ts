import { GATEWAY_PORT } from '@rz/contract';
import { parseConfig } from '@rz/service-kit';
import { subgraphConfigShape, type SubgraphConfig } from '@rz/subgraph-runtime';
import { z } from 'zod';

/** Settings only this subgraph has. */
export const aqparatSettingsShape = z.object({
  /** A nominee covered by MORE than this many published items in the last 12 months is "already in the media". */
  NEW_FACE_MEDIA_LIMIT: z.coerce.number().int().min(0).max(1000).default(3),
  /** The gateway's /graphql, where the initiatives, monuments and events a media item names are checked to exist. */
  GATEWAY_URL: z.url().default(`http://localhost:${GATEWAY_PORT}/graphql`),
});

export type AqparatSettings = z.output<typeof aqparatSettingsShape>;
export type AqparatTolqynyConfig = SubgraphConfig & AqparatSettings;

/** The only place this service reads the environment. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AqparatTolqynyConfig {
  return parseConfig(subgraphConfigShape('aqparat-tolqyny').safeExtend(aqparatSettingsShape.shape), env);
}
