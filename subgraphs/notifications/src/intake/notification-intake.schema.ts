import { NOTIFICATION_INTAKE_MAX_EVENTS, NOTIFICATION_KINDS, NOTIFICATION_LANGUAGES, SUBGRAPHS, type NotificationIntakeBatch } from '@rz/contract';
import { z } from 'zod';

const subgraphNames = SUBGRAPHS.map((s) => s.name) as [NotificationIntakeBatch['source'], ...NotificationIntakeBatch['source'][]];

/** Template parameters are codes, numbers and published titles: short values, a few of them. */
const MAX_PARAMS = 20;
const paramValue = z.union([z.string().max(300), z.number().finite(), z.boolean(), z.null()]);

const event = z.object({
  dedupeKey: z.string().min(1).max(200),
  recipientSubject: z.string().min(1).max(200),
  kind: z.enum(NOTIFICATION_KINDS),
  about: z.object({ type: z.string().regex(/^[A-Z][A-Za-z0-9]{0,63}$/), id: z.string().min(1).max(100) }).strict(),
  params: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/), paramValue).refine((p) => Object.keys(p).length <= MAX_PARAMS, `At most ${MAX_PARAMS} params`),
  language: z.enum(NOTIFICATION_LANGUAGES).nullable(),
  occurredAt: z.iso.datetime({ offset: true }),
}).strict();

/** The relay's request body (the contract's NotificationIntakeBatch). */
export const notificationIntakeBatch = z.object({
  source: z.enum(subgraphNames),
  events: z.array(event).min(1).max(NOTIFICATION_INTAKE_MAX_EVENTS),
}).strict();

/** Largest intake body: a full batch of events with their params, and room to spare. */
export const NOTIFICATION_INTAKE_BODY_LIMIT_BYTES = 1024 * 1024;
