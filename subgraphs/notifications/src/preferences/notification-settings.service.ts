import { NOTIFICATION_KINDS, type NotificationKind } from '@rz/contract';
import { badUserInput, forbidden, type Lang } from '@rz/schema';
import { hasRole, requireViewer, Role } from '@rz/subgraph-runtime';
import { isEmail } from 'class-validator';
import type { EntityManager } from 'typeorm';
import type { NotificationsContext } from '../context';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { NotificationProfileEntity } from './notification-profile.entity';
import { MailMode, NotificationChannel } from './notification-settings.enums';
import type { UpdateNotificationSettingsInput } from './notification-settings.input';
import type { NotificationSettings } from './notification-settings.type';

/** Roles that may take one digest a day instead of a mail per notification. */
export const DIGEST_ROLES = [Role.AKIMAT_OFFICER, Role.PROJECT_OFFICE, Role.MINISTRY_EDITOR, Role.ADMIN];

const KINDS: ReadonlySet<string> = new Set(NOTIFICATION_KINDS);
const CHANNELS = Object.values(NotificationChannel);

export function isNotificationKind(kind: string): kind is NotificationKind {
  return KINDS.has(kind);
}

/** The settings of a person who never saved any. */
function defaults(subject: string): NotificationProfileEntity {
  return Object.assign(new NotificationProfileEntity(), { subject, language: null, email: null, emailConsentAt: null, mailMode: MailMode.EACH });
}

export class NotificationSettingsService {
  constructor(private readonly ctx: NotificationsContext) {}

  async mine(): Promise<NotificationSettings> {
    const { subject } = requireViewer(this.ctx.viewer);
    return read(this.ctx.db.manager, subject);
  }

  async update(input: UpdateNotificationSettingsInput): Promise<NotificationSettings> {
    const viewer = requireViewer(this.ctx.viewer);
    validate(input, hasRole(viewer, ...DIGEST_ROLES));
    return this.ctx.db.transaction(async (manager) => {
      // Locks the person's row (created if new): two updates at once apply one after the other.
      await manager.query(`INSERT INTO notification_profile (subject) VALUES ($1) ON CONFLICT (subject) DO NOTHING`, [viewer.subject]);
      const profile = await manager.findOneOrFail(NotificationProfileEntity, { where: { subject: viewer.subject }, lock: { mode: 'pessimistic_write' } });
      if (input.language !== undefined) profile.language = input.language ?? null;
      if (input.mailMode) profile.mailMode = input.mailMode;
      if (input.emailConsent === false || (input.email === null && input.emailConsent !== true)) {
        // Withdrawn consent deletes the address; mails still queued find none and are cancelled.
        profile.email = null;
        profile.emailConsentAt = null;
      } else if (input.email) {
        profile.email = input.email.trim();
        profile.emailConsentAt = new Date();
      }
      await manager.save(profile);
      for (const p of input.preferences ?? []) {
        await manager.upsert(NotificationPreferenceEntity, { subject: viewer.subject, kind: p.kind, channel: p.channel, enabled: p.enabled }, ['subject', 'kind', 'channel']);
      }
      return read(manager, viewer.subject);
    });
  }
}

function validate(input: UpdateNotificationSettingsInput, mayDigest: boolean): void {
  if (input.email !== undefined && input.email !== null) {
    if (!isEmail(input.email.trim())) throw badUserInput('email', 'Not an e-mail address');
    if (input.emailConsent !== true) throw badUserInput('emailConsent', 'An e-mail address is kept only with consent: send emailConsent: true with it');
  }
  if (input.emailConsent === true && (input.email === undefined || input.email === null)) {
    throw badUserInput('email', 'Consent is given for an address: send the e-mail with it');
  }
  if (input.mailMode === MailMode.DIGEST_DAILY && !mayDigest) throw forbidden('The daily digest is for officers', { field: 'mailMode' });
}

async function read(manager: EntityManager, subject: string): Promise<NotificationSettings> {
  const profile = (await manager.findOneBy(NotificationProfileEntity, { subject })) ?? defaults(subject);
  const changed = await manager.findBy(NotificationPreferenceEntity, { subject });
  const enabled = new Map(changed.map((p) => [`${p.kind}:${p.channel}`, p.enabled]));
  return {
    language: profile.language as Lang | null,
    email: profile.email,
    emailConsentAt: profile.emailConsentAt,
    mailMode: profile.mailMode,
    preferences: NOTIFICATION_KINDS.flatMap((kind) => CHANNELS.map((channel) => ({ kind, channel, enabled: enabled.get(`${kind}:${channel}`) ?? true }))),
  };
}
