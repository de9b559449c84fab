import { parseConfig } from '@rz/service-kit';
import { publicBaseUrlSettings, subgraphConfigShape, withPublicBaseUrl, type SubgraphConfig } from '@rz/subgraph-runtime';
import { mailSettings, requireMailBaseUrl, requireMailLinkSecret, type MailSettings } from './email/mail.settings';

/** PUBLIC_BASE_URL: the origin (the gateway) of the links in mails, the unsubscribe link included. */
export type NotificationsConfig = SubgraphConfig & MailSettings & { PUBLIC_BASE_URL: string };

/** The only place this service reads the environment. */
export function loadConfig(env: Record<string, string | undefined> = process.env): NotificationsConfig {
  const shape = subgraphConfigShape('notifications').and(mailSettings).and(publicBaseUrlSettings).refine(...requireMailBaseUrl).refine(...requireMailLinkSecret);
  return withPublicBaseUrl(parseConfig(shape, env));
}
