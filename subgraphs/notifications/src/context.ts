import type { SubgraphContext } from '@rz/subgraph-runtime';
import type { NotificationsConfig } from './config';

export type NotificationsContext = SubgraphContext<NotificationsConfig>;
