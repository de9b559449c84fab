import { NOTIFICATION_INTAKE_PATH } from '@rz/contract';
import type { Logger } from '@rz/service-kit';
import { gatewayOnly, jsonBody } from '@rz/subgraph-runtime';
import type { Express, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { NOTIFICATION_INTAKE_BODY_LIMIT_BYTES, notificationIntakeBatch } from './notification-intake.schema';
import { acceptNotifications } from './notification-intake.service';

/**
 * POST NOTIFICATION_INTAKE_PATH: the producing subgraphs' relays deliver their outbox here, with the
 * shared secret like the gateway's requests. 200 `{ accepted }` only after the batch committed; a
 * malformed batch is a 400 naming the fields and rules it broke, never quoting a value.
 */
export function mountNotificationIntake(app: Express, deps: { db: DataSource; logger: Logger; sharedSecret: string | undefined }): void {
  app.post(NOTIFICATION_INTAKE_PATH, gatewayOnly(deps.sharedSecret), ...jsonBody(NOTIFICATION_INTAKE_BODY_LIMIT_BYTES), async (req: Request, res: Response) => {
    const parsed = notificationIntakeBatch.safeParse(req.body);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join('.'), code: issue.code }));
      return res.status(400).json({ error: 'BAD_REQUEST', message: 'Malformed notification batch', issues });
    }
    try {
      const inserted = await acceptNotifications(deps.db, parsed.data);
      deps.logger.info({ source: parsed.data.source, accepted: parsed.data.events.length, inserted: inserted.length }, 'notifications accepted');
      res.json({ accepted: parsed.data.events.length });
    } catch (error) {
      deps.logger.error({ err: { message: error instanceof Error ? error.message : String(error) }, source: parsed.data.source }, 'storing notifications failed');
      res.status(503).json({ error: 'UNAVAILABLE', message: 'Notifications could not be stored; send them again' });
    }
  });
}
