import type { Logger } from '@rz/service-kit';
import type { ProcessServices } from '@rz/subgraph-runtime';
import type { DataSource } from 'typeorm';
import type { AtamekenConfig } from '../../config';
import type { AtamekenServices } from '../../context';
import { ComplaintEventStream } from './complaint-event.stream';

/** Starts this process's complaint event stream (one LISTEN connection, shared by all subscribers). */
export async function startComplaintEvents(deps: { db: DataSource; config: AtamekenConfig; logger: Logger }): Promise<ProcessServices<Pick<AtamekenServices, 'complaintEvents'>>> {
  const { config } = deps;
  const stream = new ComplaintEventStream(deps.logger, {
    databaseUrl: config.DATABASE_URL,
    retentionDays: config.COMPLAINT_EVENT_RETENTION_DAYS,
  });
  await stream.start();
  return {
    services: { complaintEvents: stream },
    stop: () => stream.stop(),
    observe(metrics) {
      // One query per scrape; both gauges read it.
      let lag: ReturnType<ComplaintEventStream['lag']> | undefined;
      const read = () => (lag ??= stream.lag().finally(() => setImmediate(() => (lag = undefined))));
      metrics.gauge('rz_outbox_pending_events', 'Complaint events committed and not yet read by this process', async () => (await read()).waiting);
      metrics.gauge('rz_outbox_oldest_event_age_seconds', 'Age of the oldest complaint event not yet read (outbox lag)', async () => (await read()).oldestAgeSeconds);
    },
  };
}
