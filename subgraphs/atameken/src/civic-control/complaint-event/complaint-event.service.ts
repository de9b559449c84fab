import type { Logger } from '@rz/service-kit';
import type { ProcessServices } from '@rz/subgraph-runtime';
import type { DataSource } from 'typeorm';
import type { AtamekenConfig } from '../../config';
import type { AtamekenServices } from '../../context';
import { ComplaintEventStream } from './complaint-event.stream';

/** Starts this process's complaint event stream (one LISTEN connection, shared by all subscribers). */
export async function startComplaintEvents(deps: { db: DataSource; config: AtamekenConfig; logger: Logger }): Promise<ProcessServices<AtamekenServices>> {
  const { config } = deps;
  const stream = new ComplaintEventStream(deps.logger, {
    databaseUrl: config.DATABASE_URL,
    retentionDays: config.COMPLAINT_EVENT_RETENTION_DAYS,
  });
  await stream.start();
  return { services: { complaintEvents: stream }, stop: () => stream.stop() };
}
