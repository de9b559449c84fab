import type { ProcessServices, SubgraphConfig } from '@rz/subgraph-runtime';
import type { Logger } from '@rz/subgraph-runtime';
import type { DataSource } from 'typeorm';
import { COMPLAINT_EVENTS_SERVICE } from './complaint-event.resolver';
import { ComplaintEventStream } from './complaint-event.stream';

/** Starts this process's complaint event stream (one LISTEN connection, shared by all subscribers). */
export async function startComplaintEvents(deps: { db: DataSource; config: SubgraphConfig; logger: Logger }): Promise<ProcessServices> {
  const settings = deps.config as SubgraphConfig & { COMPLAINT_EVENT_RETENTION_DAYS?: number };
  const stream = new ComplaintEventStream(deps.db, deps.logger, {
    databaseUrl: deps.config.DATABASE_URL,
    retentionDays: settings.COMPLAINT_EVENT_RETENTION_DAYS,
  });
  await stream.start();
  return { services: { [COMPLAINT_EVENTS_SERVICE]: stream }, stop: () => stream.stop() };
}
