import { NOTIFICATION_INTAKE_PATH } from '@rz/contract';
import type { SubgraphDefinition } from '@rz/subgraph-runtime';
import { loadConfig, type NotificationsConfig } from './config';
import type { NotificationsServices } from './context';
import { seedDemo } from './demo/demo.seed';
import { NotificationEntity } from './inbox/notification.entity';
import { mountNotificationIntake } from './intake/notification-intake.routes';
import { CreateNotification20261204170000 } from './migrations/20261204170000-create-notification';
import { NotificationSettings20261204180000 } from './migrations/20261204180000-notification-settings';
import { CreateMailDelivery20261204180100 } from './migrations/20261204180100-create-mail-delivery';
import { MailDeliveryEntity } from './email/mail-delivery.entity';
import { mailLinkSecret } from './email/mail.settings';
import { mountUnsubscribeRoutes, UNSUBSCRIBE_ROUTE } from './email/unsubscribe.routes';
import { NotificationPreferenceEntity } from './preferences/notification-preference.entity';
import { NotificationProfileEntity } from './preferences/notification-profile.entity';
import { buildNotificationsSchema } from './schema';
import { startNotificationsServices } from './services';

export const notifications: SubgraphDefinition<NotificationsConfig, NotificationsServices> = {
  name: 'notifications',
  loadConfig,
  entities: [NotificationEntity, NotificationProfileEntity, NotificationPreferenceEntity, MailDeliveryEntity],
  migrations: [CreateNotification20261204170000, NotificationSettings20261204180000, CreateMailDelivery20261204180100],
  buildSchema: buildNotificationsSchema,
  seedDemo,
  startServices: startNotificationsServices,
  routes: (app, { db, logger, config }) => {
    mountNotificationIntake(app, { db, logger, sharedSecret: config.SUBGRAPH_SHARED_SECRET });
    mountUnsubscribeRoutes(app, { db, logger, linkSecret: mailLinkSecret(config) });
  },
  routeLabels: [NOTIFICATION_INTAKE_PATH, UNSUBSCRIBE_ROUTE],
};
