import type { SubgraphContext } from '@rz/subgraph-runtime';
import type { ComplaintEventStream } from './civic-control/complaint-event/complaint-event.stream';
import type { ComplaintReminderScheduler } from './civic-control/complaint-reminder/complaint-reminder.scheduler';
import type { AtamekenConfig } from './config';

/** Process services atameken starts (see `startServices` in subgraph.ts). */
export interface AtamekenServices {
  complaintEvents: ComplaintEventStream;
  complaintReminders: ComplaintReminderScheduler;
}

/** What atameken's resolvers and services get: its own config and services, typed. */
export type AtamekenContext = SubgraphContext<AtamekenConfig, AtamekenServices>;
