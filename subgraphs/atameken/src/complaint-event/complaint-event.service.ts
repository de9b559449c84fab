import type { Logger, ProcessServices, SubgraphConfig } from '@rz/subgraph-runtime';
import type { DataSource } from 'typeorm';
import type { AtamekenConfig } from '../config';
import { COMPLAINT_EVENTS_SERVICE } from './complaint-event.resolver';
import { ComplaintEventStream } from './complaint-event.stream';

/** Starts this process's complaint event stream (one LISTEN connection, shared by all subscribers). */
export async function startComplaintEvents(deps: { db: DataSource; config: SubgraphConfig; logger: Logger }): Promise<ProcessServices> {
  const config = deps.config as AtamekenConfig;
  const stream = new ComplaintEventStream(deps.logger, {
    databaseUrl: config.DATABASE_URL,
    retentionDays: config.COMPLAINT_EVENT_RETENTION_DAYS,
  });
  await stream.start();
  return { services: { [COMPLAINT_EVENTS_SERVICE]: stream }, stop: () => stream.stop() };
}
