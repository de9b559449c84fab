import { buildFederatedSchema } from '@rz/schema';
import { authChecker, validateInput } from '@rz/subgraph-runtime';
import type { GraphQLSchema } from 'graphql';
import { NotificationResolver } from './inbox/notification.resolver';
import { NotificationAddedResolver } from './live/notification-added.resolver';

export function buildNotificationsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [NotificationResolver, NotificationAddedResolver], authChecker, validateFn: validateInput }, []);
}
