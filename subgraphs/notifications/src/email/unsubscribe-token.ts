import type { NotificationKind } from '@rz/contract';
import { jwtVerify, SignJWT } from 'jose';
import { isNotificationKind } from '../preferences/notification-settings.service';

/** What a link turns off: mails of one kind, or all mails (the digest's link). */
export type UnsubscribeScope = NotificationKind | 'ALL';

const AUDIENCE = 'rz-unsubscribe';
const key = (secret: string) => new TextEncoder().encode(secret);

/**
 * A link token: the person's subject and a kind, signed; no address, so a forwarded
 * mail's link reveals nothing. It does not expire: it can only switch mail off.
 */
export function signUnsubscribeToken(secret: string, subject: string, scope: UnsubscribeScope): Promise<string> {
  return new SignJWT({ kind: scope }).setProtectedHeader({ alg: 'HS256' }).setSubject(subject).setAudience(AUDIENCE).setIssuedAt().sign(key(secret));
}

/** The subject and scope of a valid token; null for anything else. */
export async function verifyUnsubscribeToken(secret: string, token: string): Promise<{ subject: string; scope: UnsubscribeScope } | null> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { audience: AUDIENCE, algorithms: ['HS256'] });
    const scope = payload.kind;
    if (!payload.sub || typeof scope !== 'string' || !(scope === 'ALL' || isNotificationKind(scope))) return null;
    return { subject: payload.sub, scope };
  } catch {
    return null;
  }
}
