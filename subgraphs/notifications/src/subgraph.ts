import { NOTIFICATION_INTAKE_PATH } from '@rz/contract';
import type { SubgraphDefinition } from '@rz/subgraph-runtime';
import { loadConfig, type NotificationsConfig } from './config';
import type { NotificationsServices } from './context';
import { seedDemo } from './demo/demo.seed';
import { NotificationEntity } from './inbox/notification.entity';
import { mountNotificationIntake } from './intake/notification-intake.routes';
import { CreateNotification20261204170000 } from './migrations/20261204170000-create-notification';
import { buildNotificationsSchema } from './schema';
import { startNotificationsServices } from './services';

export const notifications: SubgraphDefinition<NotificationsConfig, NotificationsServices> = {
  name: 'notifications',
  loadConfig,
  entities: [NotificationEntity],
  migrations: [CreateNotification20261204170000],
  buildSchema: buildNotificationsSchema,
  seedDemo,
  startServices: startNotificationsServices,
  routes: (app, { db, logger, config }) => {
    mountNotificationIntake(app, { db, logger, sharedSecret: config.SUBGRAPH_SHARED_SECRET });
  },
  routeLabels: [NOTIFICATION_INTAKE_PATH],
};
