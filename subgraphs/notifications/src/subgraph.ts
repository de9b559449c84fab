import type { SubgraphDefinition } from '@rz/subgraph-runtime';
import { loadConfig, type NotificationsConfig } from './config';
import { NotificationEntity } from './inbox/notification.entity';
import { CreateNotification20261204170000 } from './migrations/20261204170000-create-notification';
import { buildNotificationsSchema } from './schema';

export const notifications: SubgraphDefinition<NotificationsConfig> = {
  name: 'notifications',
  loadConfig,
  entities: [NotificationEntity],
  migrations: [CreateNotification20261204170000],
  buildSchema: buildNotificationsSchema,
};
