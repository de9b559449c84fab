import { parseConfig } from '@rz/service-kit';
import { publicBaseUrlSettings, requirePublicBaseUrl, subgraphConfigShape, withPublicBaseUrl, type SubgraphConfig } from '@rz/subgraph-runtime';
import { z } from 'zod';

/** Settings only atameken reads, on top of the shared ones. */
const atamekenSettings = z.object({
  /** Shared with the gateway's evidence upload endpoint: verifies evidence ids, signs download links. */
  EVIDENCE_SECRET: z.string().min(16),
  /** Complaint events kept for resuming live subscriptions (`after` cursors), in days. */
  COMPLAINT_EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /** Hour of the Kazakhstan day (0-23) from which officers get the day's due-tomorrow and overdue reminders. */
  COMPLAINT_REMINDER_HOUR: z.coerce.number().int().min(0).max(23).default(9),
});

export function atamekenConfigShape() {
  // PUBLIC_BASE_URL: the origin of evidence download links.
  return subgraphConfigShape('atameken').and(atamekenSettings).and(publicBaseUrlSettings).refine(...requirePublicBaseUrl);
}

export type AtamekenConfig = SubgraphConfig & z.output<typeof atamekenSettings> & { PUBLIC_BASE_URL: string };

/** The only place this service reads the environment. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AtamekenConfig {
  return withPublicBaseUrl(parseConfig(atamekenConfigShape(), env));
}
