import type { Logger } from '@rz/service-kit';
import type { ProcessServices } from '@rz/subgraph-runtime';
import type { DataSource } from 'typeorm';
import type { NotificationsConfig } from './config';
import type { NotificationsServices } from './context';
import { startMail } from './email/mail.service';
import { NotificationStream } from './live/notification.stream';

/** The process services of one notifications replica: the live feed's stream (one LISTEN connection) and the mail sender. */
export async function startNotificationsServices(deps: { db: DataSource; config: NotificationsConfig; logger: Logger }): Promise<ProcessServices<NotificationsServices>> {
  const notificationStream = new NotificationStream(deps.db, deps.logger, { databaseUrl: deps.config.DATABASE_URL });
  await notificationStream.start();
  const mail = await startMail(deps);
  return {
    services: { notificationStream },
    stop: async () => {
      await mail.stop();
      await notificationStream.stop();
    },
    observe: (metrics) => mail.observe(metrics),
  };
}
