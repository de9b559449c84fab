import type { SubgraphContext } from '@rz/subgraph-runtime';
import type { NotificationsConfig } from './config';
import type { NotificationStream } from './live/notification.stream';

export interface NotificationsServices {
  notificationStream: NotificationStream;
}

export type NotificationsContext = SubgraphContext<NotificationsConfig, NotificationsServices>;
