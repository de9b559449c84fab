import { NOTIFICATION_INTAKE_PATH, type NotificationEvent, type NotificationKind, type NotificationLanguage } from '@rz/contract';
import { todayInKazakhstan } from '@rz/schema';
import { gql, startTestSmtpServer, startTestSubgraph, testToken, type TestSmtpServer, type TestSubgraph } from '@rz/test-support';
import { createLogger } from '@rz/service-kit';
import type { ParsedMail } from 'mailparser';
import { createTransport } from 'nodemailer';
import { notifications } from '../subgraph';
import { enqueueDigests } from './mail-queue';
import { MailSender } from './mail-sender';

/** Mail links point at the public gateway; the test follows them to the subgraph itself. */
const BASE = 'https://rz.example.kz';
const FROM = '"Рухани жаңғыру" <no-reply@rz.example.kz>';

let smtp: TestSmtpServer;
let subgraph: TestSubgraph;
let origin: string;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
  subgraph = await startTestSubgraph(notifications, {
    settings: { SMTP_URL: smtp.url, PUBLIC_BASE_URL: BASE, MAIL_FROM: FROM, MAIL_POLL_MS: 50, MAIL_RETRY_BASE_MS: 50, MAIL_MAX_ATTEMPTS: 3 },
  });
  origin = new URL(subgraph.url).origin;
});
afterAll(async () => {
  await subgraph?.close();
  await smtp?.close();
});

const UPDATE = `mutation($input: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $input) { email } }`;
const DELIVERIES = `query($status: MailDeliveryStatus) { mailDeliveries(status: $status, first: 100) { totalCount nodes { id kind status attempts lastErrorCode sentAt } } mailDeliveryCounts { status count } }`;
const admin = () => testToken({ subject: 'mail-admin', roles: ['admin'] });

async function person(subject: string, email: string, settings: Record<string, unknown> = {}, roles = ['citizen']): Promise<void> {
  const token = await testToken({ subject, roles, territory: '750000000' });
  const res = await gql(subgraph.url, UPDATE, { input: { email, emailConsent: true, ...settings } }, token);
  expect(res.errors).toBeUndefined();
}

let n = 0;
const COMPLAINT = '01900000-0000-7000-8000-000000000001';
function event(recipientSubject: string, kind: NotificationKind, language: NotificationLanguage | null, params: NotificationEvent['params'] = {}): NotificationEvent {
  return {
    dedupeKey: `mail-test:${n++}`,
    recipientSubject,
    kind,
    about: { type: 'Complaint', id: COMPLAINT },
    params: { complaintId: COMPLAINT, topic: 'ROADS', fromStatus: 'SUBMITTED', toStatus: 'ACCEPTED', territoryCode: '750000000', ...params },
    language,
    occurredAt: new Date().toISOString(),
  };
}

/** Through the intake, as a producing subgraph's relay delivers: answered after the commit. */
async function notify(...events: NotificationEvent[]): Promise<void> {
  const res = await fetch(`${origin}${NOTIFICATION_INTAKE_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ source: 'atameken', events }) });
  expect(res.status).toBe(200);
}

async function until<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    const value = await read();
    if (value !== undefined) return value;
  }
  const queue = await subgraph.db.query(`SELECT status, attempts, last_error_code FROM mail_delivery`);
  throw new Error(`gave up waiting for ${what}; the SMTP server accepted ${smtp.accepted.length}; queue: ${JSON.stringify(queue)}`);
}

const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0].address;
async function mailsTo(address: string, count = 1): Promise<ParsedMail[]> {
  return until(async () => {
    const mails = (await Promise.all(smtp.accepted.map((raw) => import('mailparser').then((m) => m.simpleParser(raw))))).filter((m) => to(m) === address);
    return mails.length >= count ? mails : undefined;
  }, `${count} mail(s) to ${address}`);
}
const header = (mail: ParsedMail, name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '');
const deliveryIdOf = (mail: ParsedMail) => /^<([0-9a-f-]{36})@rz\.example\.kz>$/.exec(mail.messageId ?? '')?.[1];

describe('notification mails', () => {
  it('reach each person in their language, with a link to the thing and a one-click unsubscribe', async () => {
    await person('mail-kk', 'kk@example.kz');
    await person('mail-ru', 'ru@example.kz', { language: 'RU' });
    await person('mail-en', 'en@example.kz');
    // mail-ru chose Russian; mail-en did not choose, and the change came from an English request; mail-kk: Kazakh by default.
    await notify(event('mail-kk', 'COMPLAINT_STATUS_CHANGED', null), event('mail-ru', 'COMPLAINT_STATUS_CHANGED', 'en'), event('mail-en', 'COMPLAINT_STATUS_CHANGED', 'en'));

    const expected = { 'kk@example.kz': ['kk', 'Өтінішіңіз: қабылданды', 'Порталда ашу'], 'ru@example.kz': ['ru', 'Ваше обращение: принято', 'Открыть на портале'], 'en@example.kz': ['en', 'Your complaint: accepted', 'Open on the portal'] };
    for (const [address, [lang, subject, open]] of Object.entries(expected)) {
      const [mail] = await mailsTo(address);
      expect(mail.subject).toBe(subject);
      expect(header(mail, 'content-language')).toBe(lang);
      expect(mail.from?.text).toContain('no-reply@rz.example.kz');
      expect(mail.text).toContain(`${open}: ${BASE}/complaints/${COMPLAINT}`);
      expect(mail.html).toContain(`href="${BASE}/complaints/${COMPLAINT}"`);
      expect(deliveryIdOf(mail)).toBeDefined();
      expect(header(mail, 'list-unsubscribe')).toMatch(new RegExp(`^<${BASE}/unsubscribe\\?token=[\\w.-]+>$`));
      expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      // The footer carries the same link; the token names no address.
      const link = header(mail, 'list-unsubscribe')!.slice(1, -1);
      expect(mail.text).toContain(link);
      const payload = JSON.parse(Buffer.from(new URL(link).searchParams.get('token')!.split('.')[1], 'base64url').toString());
      expect(payload).toMatchObject({ kind: 'COMPLAINT_STATUS_CHANGED' });
      expect(JSON.stringify(payload)).not.toContain('@');
    }
  });

  it('escape parameters in HTML', async () => {
    await person('mail-html', 'html@example.kz', { language: 'EN' });
    await notify(event('mail-html', 'COMPLAINT_STATUS_CHANGED', null, { topic: '<img src=x onerror=alert(1)>' }));
    const [mail] = await mailsTo('html@example.kz');
    expect(mail.text).toContain('<img src=x onerror=alert(1)>');
    expect(mail.html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(mail.html).not.toContain('<img');
  });

  it('unsubscribe by the link: the page asks, one click switches the kind off, and no further mail of it is queued', async () => {
    const [mail] = await mailsTo('kk@example.kz');
    const link = header(mail, 'list-unsubscribe')!.slice(1, -1).replace(BASE, origin);

    const page = await fetch(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="kk">');
    expect(html).toContain('method="post"');
    // Showing the page changes nothing: link checkers open links too.
    expect((await subgraph.db.query(`SELECT count(*)::int AS n FROM notification_preference WHERE subject = 'mail-kk'`))[0].n).toBe(0);

    // What a mail client sends for RFC 8058 one-click.
    const click = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(click.status).toBe(200);
    expect(await click.text()).toContain('Дайын');
    expect((await fetch(link, { method: 'POST' })).status).toBe(200);

    const [{ last }] = await subgraph.db.query(`SELECT max(id::text) AS last FROM mail_delivery`);
    await notify(event('mail-kk', 'COMPLAINT_STATUS_CHANGED', null), event('mail-kk', 'INITIATIVE_STATUS_CHANGED', null));
    const queued: { kind: string }[] = await subgraph.db.query(`SELECT kind FROM mail_delivery WHERE recipient_subject = 'mail-kk' AND id::text > $1`, [last]);
    expect(queued.map((q) => q.kind)).toEqual(['INITIATIVE_STATUS_CHANGED']);
    await mailsTo('kk@example.kz', 2);

    const settings = await gql(subgraph.url, `{ myNotificationSettings { preferences { kind channel enabled } } }`, {}, await testToken({ subject: 'mail-kk', roles: ['citizen'] }));
    expect(settings.data!.myNotificationSettings.preferences.filter((p: { enabled: boolean }) => !p.enabled)).toEqual([{ kind: 'COMPLAINT_STATUS_CHANGED', channel: 'EMAIL', enabled: false }]);

    const forged = await fetch(`${link.slice(0, -2)}xx`, { method: 'POST' });
    expect(forged.status).toBe(400);
  });

  it('retries a temporary refusal with backoff until the server accepts', async () => {
    await person('mail-retry', 'retry@example.kz');
    let refusals = 0;
    smtp.onRecipient = (address) => (address === 'retry@example.kz' && refusals++ < 2 ? { code: 451, message: '4.7.1 Try again later' } : 'accept');
    await notify(event('mail-retry', 'COMPLAINT_STATUS_CHANGED', null));
    const [mail] = await mailsTo('retry@example.kz');
    expect(refusals).toBe(3);
    const res = await gql(subgraph.url, DELIVERIES, { status: 'SENT' }, await admin());
    expect(res.data!.mailDeliveries.nodes.find((d: { id: string }) => d.id === deliveryIdOf(mail))).toMatchObject({ status: 'SENT', attempts: 3, lastErrorCode: null });
    smtp.onRecipient = () => 'accept';
  });

  it('dead-letters a permanent refusal, visible to admins without the address', async () => {
    await person('mail-dead', 'dead@example.kz');
    smtp.onRecipient = (address) => (address === 'dead@example.kz' ? { code: 550, message: '5.1.1 <dead@example.kz>: Recipient address rejected' } : 'accept');
    await notify(event('mail-dead', 'COMPLAINT_STATUS_CHANGED', null));
    const res = await until(async () => {
      const answer = await gql(subgraph.url, DELIVERIES, { status: 'DEAD' }, await admin());
      return answer.data?.mailDeliveries.totalCount > 0 ? answer : undefined;
    }, 'a dead-lettered mail');
    expect(res.data!.mailDeliveries.nodes[0]).toMatchObject({ kind: 'COMPLAINT_STATUS_CHANGED', status: 'DEAD', attempts: 1, lastErrorCode: 'SMTP_550', sentAt: null });
    expect(res.data!.mailDeliveryCounts).toContainEqual({ status: 'DEAD', count: 1 });
    expect(JSON.stringify(res)).not.toMatch(/dead@example|mail-dead/);
    expect(await (await fetch(`${origin}/metrics`)).text()).toMatch(/^rz_mail_dead 1$/m);
    smtp.onRecipient = () => 'accept';

    const citizen = await gql(subgraph.url, DELIVERIES, {}, await testToken({ subject: 'mail-kk', roles: ['citizen'] }));
    expect(citizen.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('cancels a queued mail when consent is withdrawn before it goes', async () => {
    await person('mail-withdraw', 'withdraw@example.kz');
    const token = await testToken({ subject: 'mail-withdraw', roles: ['citizen'] });
    // The first attempt is held at RCPT while the person withdraws consent, then refused for now.
    smtp.onRecipient = async (address) => {
      if (address !== 'withdraw@example.kz') return 'accept';
      expect((await gql(subgraph.url, UPDATE, { input: { emailConsent: false } }, token)).errors).toBeUndefined();
      return { code: 451 };
    };
    await notify(event('mail-withdraw', 'COMPLAINT_STATUS_CHANGED', null));
    const row = await until(async () => {
      const [found] = await subgraph.db.query(`SELECT status, attempts FROM mail_delivery WHERE recipient_subject = 'mail-withdraw'`);
      return found.status === 'CANCELLED' ? found : undefined;
    }, 'the mail cancelled');
    expect(row.attempts).toBe(1);
    smtp.onRecipient = () => 'accept';
    expect(smtp.accepted.some((raw) => raw.toString().includes('withdraw@example.kz'))).toBe(false);
  });

  it('sends from one replica at a time: a second sender on the same database waits for the lock', async () => {
    const other = await startTestSmtpServer();
    const second = new MailSender(subgraph.db, createTransport({ url: other.url }), createLogger('second-sender', 'silent'), {
      databaseUrl: subgraph.database.subgraphs.find((d) => d.schema === 'notifications')!.url,
      publicBaseUrl: BASE,
      from: FROM,
      linkSecret: 'x'.repeat(32),
      maxAttempts: 3,
      retryBaseMs: 50,
      batchSize: 5,
      pollMs: 20,
    });
    await second.start();
    try {
      await person('mail-replicas', 'replicas@example.kz');
      await notify(...Array.from({ length: 20 }, () => event('mail-replicas', 'VOLUNTEER_REVIEWED', null)));
      await mailsTo('replicas@example.kz', 20);
      expect(other.accepted).toHaveLength(0);
    } finally {
      await second.stop();
      await other.close();
    }
  });

  it('sends officers in digest mode one mail a day, however often the schedule runs', async () => {
    await person('mail-officer', 'officer@example.kz', { mailMode: 'DIGEST_DAILY', language: 'RU' }, ['akimat_officer']);
    await notify(event('mail-officer', 'COMPLAINT_ASSIGNED', null), event('mail-officer', 'COMPLAINT_STATUS_CHANGED', null));
    expect(await subgraph.db.query(`SELECT id FROM mail_delivery WHERE recipient_subject = 'mail-officer'`)).toEqual([]);

    const day = todayInKazakhstan();
    expect(await enqueueDigests(subgraph.db, day)).toBe(1);
    expect(await enqueueDigests(subgraph.db, day)).toBe(0);
    const [mail] = await mailsTo('officer@example.kz');
    expect(mail.subject).toBe(`Уведомления за ${day} (2)`);
    expect(mail.text).toContain('Ваше обращение: принято');
    expect(mail.text).toContain(`${BASE}/complaints/${COMPLAINT}`);
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
  });
});
