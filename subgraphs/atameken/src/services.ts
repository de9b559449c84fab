import type { Logger } from '@rz/service-kit';
import type { ProcessServices } from '@rz/subgraph-runtime';
import type { DataSource } from 'typeorm';
import { startComplaintEvents } from './civic-control/complaint-event/complaint-event.service';
import { startComplaintReminders } from './civic-control/complaint-reminder/complaint-reminder.scheduler';
import type { AtamekenConfig } from './config';
import type { AtamekenServices } from './context';

/** The process services of one atameken replica: the complaint event stream and the officers' daily reminders. */
export async function startAtamekenServices(deps: { db: DataSource; config: AtamekenConfig; logger: Logger }): Promise<ProcessServices<AtamekenServices>> {
  const events = await startComplaintEvents(deps);
  const complaintReminders = startComplaintReminders({ db: deps.db, logger: deps.logger, hour: deps.config.COMPLAINT_REMINDER_HOUR });
  return {
    ...events,
    services: { ...events.services, complaintReminders },
    async stop() {
      await complaintReminders.stop();
      await events.stop();
    },
  };
}
