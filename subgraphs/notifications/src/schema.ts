import { buildFederatedSchema } from '@rz/schema';
import { authChecker, validateInput } from '@rz/subgraph-runtime';
import type { GraphQLSchema } from 'graphql';
import { NotificationResolver } from './inbox/notification.resolver';
import { NotificationAddedResolver } from './live/notification-added.resolver';
import { MailDeliveryResolver } from './email/mail-delivery.resolver';
import { NotificationSettingsResolver } from './preferences/notification-settings.resolver';

export function buildNotificationsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [NotificationResolver, NotificationAddedResolver, NotificationSettingsResolver, MailDeliveryResolver], authChecker, validateFn: validateInput }, []);
}
