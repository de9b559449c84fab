import { NOTIFICATION_KINDS } from '@rz/contract';
import { gql, startTestSubgraph, testToken, type TestSubgraph } from '@rz/test-support';
import { notifications } from '../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(notifications);
});
afterAll(() => subgraph?.close());

const SETTINGS = `language email emailConsentAt mailMode preferences { kind channel enabled }`;
const MINE = `{ myNotificationSettings { ${SETTINGS} } }`;
const UPDATE = `mutation($input: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $input) { ${SETTINGS} } }`;

const citizen = (subject: string) => testToken({ subject, roles: ['citizen'] });
const update = async (token: string, input: Record<string, unknown>) => gql(subgraph.url, UPDATE, { input }, token);

describe('notification settings', () => {
  it('are only for a signed-in person', async () => {
    const res = await gql(subgraph.url, MINE);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await update('', { language: 'RU' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('start with every kind on in the inbox and by mail, no address and no chosen language', async () => {
    const res = await gql(subgraph.url, MINE, {}, await citizen('settings-new'));
    const settings = res.data!.myNotificationSettings;
    expect(settings).toMatchObject({ language: null, email: null, emailConsentAt: null, mailMode: 'EACH' });
    expect(settings.preferences).toHaveLength(NOTIFICATION_KINDS.length * 2);
    expect(settings.preferences.every((p: { enabled: boolean }) => p.enabled)).toBe(true);
  });

  it('keep an e-mail only with consent, and delete it when consent is withdrawn', async () => {
    const token = await citizen('settings-consent');
    const without = await update(token, { email: 'aigerim@example.kz' });
    expect(without.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'emailConsent' });

    const given = await update(token, { email: 'aigerim@example.kz', emailConsent: true, language: 'KK' });
    expect(given.errors).toBeUndefined();
    expect(given.data!.updateNotificationSettings).toMatchObject({ email: 'aigerim@example.kz', language: 'KK' });
    expect(Date.parse(given.data!.updateNotificationSettings.emailConsentAt)).toBeGreaterThan(Date.now() - 60_000);

    // Another person's settings are their own: the address appears nowhere in them.
    const other = await gql(subgraph.url, MINE, {}, await citizen('settings-other'));
    expect(JSON.stringify(other)).not.toContain('aigerim@example.kz');

    const withdrawn = await update(token, { emailConsent: false });
    expect(withdrawn.data!.updateNotificationSettings).toMatchObject({ email: null, emailConsentAt: null, language: 'KK' });
    const [row] = await subgraph.db.query(`SELECT email, email_consent_at FROM notification_profile WHERE subject = 'settings-consent'`);
    expect(row).toEqual({ email: null, email_consent_at: null });
  });

  it('refuse a malformed address, consent without an address and unknown kinds, naming the field', async () => {
    const token = await citizen('settings-invalid');
    expect((await update(token, { email: 'not-an-address', emailConsent: true })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect((await update(token, { emailConsent: true })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    const unknown = await update(token, { preferences: [{ kind: 'COMPLAINT_STATUS_CHANGED', channel: 'EMAIL', enabled: false }, { kind: 'WEATHER', channel: 'EMAIL', enabled: false }] });
    // NotificationKind is an enum: GraphQL's own validation refuses the value and names where it is.
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(unknown.errors?.[0].message).toContain('input.preferences[1].kind');
    // Nothing of a refused update is kept.
    const settings = (await gql(subgraph.url, MINE, {}, token)).data!.myNotificationSettings;
    expect(settings.email).toBeNull();
    expect(settings.preferences.every((p: { enabled: boolean }) => p.enabled)).toBe(true);
  });

  it('switch a kind off on one channel only', async () => {
    const token = await citizen('settings-switch');
    const res = await update(token, { preferences: [{ kind: 'COMPLAINT_STATUS_CHANGED', channel: 'EMAIL', enabled: false }] });
    const prefs = res.data!.updateNotificationSettings.preferences as { kind: string; channel: string; enabled: boolean }[];
    expect(prefs.filter((p) => !p.enabled)).toEqual([{ kind: 'COMPLAINT_STATUS_CHANGED', channel: 'EMAIL', enabled: false }]);
  });

  it('give the daily digest to officers only', async () => {
    const refused = await update(await citizen('settings-citizen-digest'), { mailMode: 'DIGEST_DAILY' });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'mailMode' });
    const officer = await testToken({ subject: 'settings-officer', roles: ['akimat_officer'], territory: '750000000' });
    const res = await update(officer, { mailMode: 'DIGEST_DAILY' });
    expect(res.data!.updateNotificationSettings.mailMode).toBe('DIGEST_DAILY');
  });
});
