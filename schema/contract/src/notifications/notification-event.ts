import type { SubgraphName } from '../subgraphs';

/** What a person can be told about. Each kind has a template in the notifications subgraph. */
export const NOTIFICATION_KINDS = [
  /** To the complaint's author, on every status change. */
  'COMPLAINT_STATUS_CHANGED',
  /** To the officer(s) a new complaint is routed to. */
  'COMPLAINT_ASSIGNED',
  /** Daily, to the responsible officer(s). */
  'COMPLAINT_DUE_TOMORROW',
  /** Daily, to the responsible officer(s). */
  'COMPLAINT_OVERDUE',
  /** To the initiative's author: approved, rejected, in progress, completed. */
  'INITIATIVE_STATUS_CHANGED',
  /** To each patron, once, when pledges cover the estimate. */
  'INITIATIVE_ESTIMATE_COVERED',
  /** A student moved from the waiting list to confirmed. */
  'REGISTRATION_CONFIRMED',
  /** To the district officer who submitted the media plan. */
  'MEDIA_PLAN_RETURNED',
  /** To the district officer who submitted the report. */
  'DISTRICT_REPORT_RETURNED',
  /** To the face: shortlisted, selected, featured. */
  'FACE_STATUS_CHANGED',
  /** To the volunteer who received a review. */
  'VOLUNTEER_REVIEWED',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_LANGUAGES = ['kk', 'ru', 'en'] as const;
export type NotificationLanguage = (typeof NOTIFICATION_LANGUAGES)[number];

/**
 * Template parameters: codes, numbers, dates and titles the programme publishes.
 * Never free text written by a citizen, never contact data: they reach inboxes and mails.
 */
export type NotificationParams = Record<string, string | number | boolean | null>;

export interface NotificationEvent {
  /** Unique per source and per thing that happened, e.g. `complaint-status:<changeId>`: a key is notified once. */
  dedupeKey: string;
  /** Token subject (`sub`) of the person to notify. */
  recipientSubject: string;
  kind: NotificationKind;
  /** What it is about, for the link in the inbox and the mail: a federated type and its id. */
  about: { type: string; id: string };
  params: NotificationParams;
  /** The language of the request that caused it: a hint while the person has not chosen one. */
  language: NotificationLanguage | null;
  /** ISO 8601. */
  occurredAt: string;
}

/** One relay request: events of one producing subgraph, in the order they were committed. */
export interface NotificationIntakeBatch {
  source: SubgraphName;
  events: NotificationEvent[];
}

/**
 * Where producing subgraphs deliver events, on the notifications subgraph. Requests carry
 * X-Gateway-Secret when SUBGRAPH_SHARED_SECRET is set. The answer is 200 `{ accepted }` only
 * after the events are committed; the same dedupe key from the same source is kept once.
 */
export const NOTIFICATION_INTAKE_PATH = '/intake/notifications';

/** Largest batch the relay sends and the intake accepts. */
export const NOTIFICATION_INTAKE_MAX_EVENTS = 200;
