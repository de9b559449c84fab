// TEMPORARY (N2 scratch, not committed): wiring until N1's scaffold lands.
import { NOTIFICATION_INTAKE_PATH, type NotificationIntakeBatch } from '@rz/contract';
import { buildFederatedSchema } from '@rz/schema';
import { parseConfig } from '@rz/service-kit';
import { authChecker, newId, publicBaseUrlSettings, subgraphConfigShape, validateInput, withPublicBaseUrl, type SubgraphDefinition, type SubgraphConfig } from '@rz/subgraph-runtime';
import express from 'express';
import { NotificationEntity } from './inbox/notification.entity';
import { NotificationResolver } from './inbox/notification.resolver';
import { CreateNotification20261204170000 } from './migrations/20261204170000-create-notification';
import { NotificationSettings20261204180000 } from './migrations/20261204180000-notification-settings';
import { CreateMailDelivery20261204180100 } from './migrations/20261204180100-create-mail-delivery';
import { NotificationProfileEntity } from './preferences/notification-profile.entity';
import { NotificationPreferenceEntity } from './preferences/notification-preference.entity';
import { NotificationSettingsResolver } from './preferences/notification-settings.resolver';
import { MailDeliveryEntity } from './email/mail-delivery.entity';
import { MailDeliveryResolver } from './email/mail-delivery.resolver';
import { mailLinkSecret, mailSettings, requireMailLinkSecret, type MailSettings } from './email/mail.settings';
import { startMail } from './email/mail.service';
import { mountUnsubscribeRoutes } from './email/unsubscribe.routes';
import { enqueueMailFor } from './email/mail-queue';

type C = SubgraphConfig & MailSettings & { PUBLIC_BASE_URL: string };
export const notifications: SubgraphDefinition<C> = {
  name: 'notifications',
  loadConfig: (env = process.env) => withPublicBaseUrl(parseConfig(subgraphConfigShape('notifications').and(mailSettings).and(publicBaseUrlSettings).refine(...requireMailLinkSecret), env)) as C,
  entities: [NotificationEntity, NotificationProfileEntity, NotificationPreferenceEntity, MailDeliveryEntity],
  migrations: [CreateNotification20261204170000, NotificationSettings20261204180000, CreateMailDelivery20261204180100],
  buildSchema: () => buildFederatedSchema({ resolvers: [NotificationResolver, NotificationSettingsResolver, MailDeliveryResolver], authChecker, validateFn: validateInput }, []),
  routes(app, { db, logger, config }) {
    mountUnsubscribeRoutes(app, { db, logger, linkSecret: mailLinkSecret(config) });
    app.post(NOTIFICATION_INTAKE_PATH, express.json({ limit: '5mb' }), async (req, res) => {
      const batch = req.body as NotificationIntakeBatch;
      await db.transaction(async (m) => {
        const rows: { id: string; recipient_subject: string; kind: any }[] = await m.query(
          `INSERT INTO notification (id, source, dedupe_key, recipient_subject, kind, about_type, about_id, params, language, occurred_at)
           SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, source text, dedupe_key text, recipient_subject text, kind text, about_type text, about_id text, params jsonb, language text, occurred_at timestamptz)
           ON CONFLICT DO NOTHING RETURNING id, recipient_subject, kind`,
          [JSON.stringify(batch.events.map((e) => ({ id: newId(), source: batch.source, dedupe_key: e.dedupeKey, recipient_subject: e.recipientSubject, kind: e.kind, about_type: e.about.type, about_id: e.about.id, params: e.params, language: e.language, occurred_at: e.occurredAt })))],
        );
        await enqueueMailFor(m, rows.map((r) => ({ id: r.id, recipientSubject: r.recipient_subject, kind: r.kind })));
      });
      res.json({ accepted: batch.events.length });
    });
  },
  async startServices({ db, config, logger }) {
    const mail = await startMail({ db, config, logger });
    return { services: {}, stop: mail.stop, observe: mail.observe };
  },
};
