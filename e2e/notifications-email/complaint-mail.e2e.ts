import { gql, startTestSmtpServer, startTestSystem, testToken, type TestSmtpServer, type TestSystem } from '@rz/test-support';
import type { ParsedMail } from 'mailparser';
import { changeStatus, fileComplaint } from '../live-complaints/complaints.support';

/**
 * The whole system, real processes: a citizen who consented to mail files a complaint; an officer
 * changes its status; the citizen gets a mail in their language with a link to the complaint on the
 * public gateway, and unsubscribes through the gateway with the mail's one-click link.
 */
describe('a status change reaches the complaint author by mail', () => {
  let smtp: TestSmtpServer;
  let system: TestSystem;
  let citizen: string;
  let officer: string;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    system = await startTestSystem({ subgraphEnv: { SMTP_URL: smtp.url, MAIL_POLL_MS: '100' } });
    citizen = await testToken({ roles: ['citizen'], subject: 'citizen-mail-e2e' });
    officer = await testToken({ roles: ['akimat_officer'], territory: '750000000', subject: 'officer-mail-e2e' });
  }, 180_000);
  afterAll(async () => {
    await system?.close();
    await smtp?.close();
  });

  const mailsTo = async (address: string, count: number): Promise<ParsedMail[]> => {
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      const mails = (await smtp.waitForMessages(0)).filter((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0].address === address);
      if (mails.length >= count) return mails;
    }
    throw new Error(`no mail to ${address}`);
  };

  it('sends the mail in the citizen’s language, and the link unsubscribes them from that kind', async () => {
    const settings = await gql(
      system.gatewayUrl,
      `mutation($input: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $input) { language email } }`,
      { input: { language: 'RU', email: 'aigerim.e2e@example.kz', emailConsent: true } },
      citizen,
    );
    expect(settings.errors).toBeUndefined();

    const id = await fileComplaint(system.gatewayUrl, citizen, { territory: '751710000' });
    await changeStatus(system.gatewayUrl, officer, id, 'ACCEPTED');
    const [mail] = await mailsTo('aigerim.e2e@example.kz', 1);
    const gateway = new URL(system.gatewayUrl).origin.replace('127.0.0.1', 'localhost');
    expect(mail.subject).toBe('Ваше обращение: принято');
    expect(mail.text).toContain(`${gateway}/complaints/${id}`);
    // The officer's name, the complaint's text and other people's data are not in it.
    expect(mail.text).not.toMatch(/officer-mail-e2e|освещение/);

    const link = mail.headerLines.find((h) => h.key === 'list-unsubscribe')!.line.replace(/^[^<]*<|>$/g, '');
    expect(link.startsWith(`${gateway}/unsubscribe?token=`)).toBe(true);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Отписаться');
    const click = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(click.status).toBe(200);
    expect(await click.text()).toContain('Готово');

    // The next change still reaches the inbox, but no mail of that kind is queued for it.
    await changeStatus(system.gatewayUrl, officer, id, 'IN_PROGRESS');
    const INBOX = `{ myNotifications(first: 10) { nodes { kind title } } }`;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      const inbox = await gql(system.gatewayUrl, INBOX, {}, citizen);
      if (inbox.data?.myNotifications.nodes.length >= 2) break;
    }
    const inbox = await gql(system.gatewayUrl, INBOX, {}, citizen);
    expect(inbox.data!.myNotifications.nodes).toHaveLength(2);
    const admin = await testToken({ roles: ['admin'], subject: 'admin-mail-e2e' });
    const deliveries = await gql(system.gatewayUrl, `{ mailDeliveries { totalCount nodes { kind status } } }`, {}, admin);
    expect(deliveries.data!.mailDeliveries).toEqual({ totalCount: 1, nodes: [{ kind: 'COMPLAINT_STATUS_CHANGED', status: 'SENT' }] });
  });
});
