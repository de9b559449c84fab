import { setTimeout as sleep } from 'node:timers/promises';
import {
  ChangeComplaintStatusDocument,
  FileComplaintDocument,
  OfficerWorkListDocument,
  RegionDetailDocument,
  RegionsOverviewDocument,
  documentIdOf,
  requestData,
  type ComplaintStatus,
} from '@rz/client';
import { startTestSystem, testToken, type TestSystem } from '@rz/test-support';
import type { Browser, Page } from 'playwright-core';
import { evidenceId, gatewayStats } from '../live-complaints/complaints.support';
import { launchBrowser, recordRequests, screenshot } from './browser.support';

/**
 * The live dashboard in a real browser (Chromium) against the real system: served by the gateway,
 * fed by the gateway's GraphQL and graphql-ws, changed through the API as officers and citizens do.
 */
const ALMATY = '750000000';
const ABAI = '100000000';

/** Kazakhstan's calendar day (UTC+5), as the services count it. */
const kzToday = () => new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
const daysBefore = (day: string, days: number) => new Date(Date.parse(day) - days * 86_400_000).toISOString().slice(0, 10);

/** From each open status, the steps an akimat takes to a solution. */
const TO_RESOLVED: Record<string, ComplaintStatus[]> = {
  SUBMITTED: ['ACCEPTED', 'IN_PROGRESS', 'RESOLVED'],
  ACCEPTED: ['IN_PROGRESS', 'RESOLVED'],
  IN_PROGRESS: ['RESOLVED'],
};

describe('live dashboard in a browser', () => {
  let system: TestSystem;
  let browser: Browser;
  let page: Page;
  let dashboardUrl: string;
  let requested: string[];
  const officer = (territory: string) => testToken({ subject: `e2e-dashboard-officer-${territory}`, roles: ['akimat_officer'], territory });
  const citizen = () => testToken({ subject: 'e2e-dashboard-citizen', roles: ['citizen'] });
  const api = () => system.gatewayUrl;

  const fileComplaint = async (territory: string, text: string) => {
    const data = await requestData(
      api(),
      FileComplaintDocument,
      { input: { topic: 'ROADS', text, territory, evidence: [evidenceId(`${text}-${Date.now()}`)] } },
      { token: await citizen() },
    );
    return data.fileComplaint.complaint.id;
  };
  const move = async (url: string, id: string, to: ComplaintStatus, token: string) =>
    requestData(url, ChangeComplaintStatusDocument, { id, to, comment: `e2e: ${to}` }, { token });

  beforeAll(async () => {
    [system, browser] = await Promise.all([startTestSystem(), launchBrowser()]);
    dashboardUrl = new URL('/dashboard/', system.gatewayUrl).toString();
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' });
    page = await context.newPage();
    requested = recordRequests(page);
    await page.goto(dashboardUrl);
    await page.waitForSelector('[data-connection="live"]');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  it('loads from the gateway with no request to anything else and shows the 20 regions with their figures', async () => {
    await page.waitForFunction(() => document.querySelectorAll('[data-region-row][data-open]').length === 20);
    expect(await page.locator('svg [data-region]').count()).toBe(20);
    expect(await page.locator('[data-region-row]').count()).toBe(20);
    const overview = await requestData(api(), RegionsOverviewDocument, { from: daysBefore(kzToday(), 1095), to: kzToday() });
    for (const region of overview.regions) {
      const row = page.locator(`[data-region-row="${region.code}"]`);
      expect(await row.getAttribute('data-open')).toBe(String(region.complaintIndicators.open));
      expect(await row.getAttribute('data-colour')).toBe(region.complaintIndicators.overdue > 0 ? 'red' : 'green');
    }
    const gateway = new URL(system.gatewayUrl).host;
    const urls = requested.filter((u) => !u.startsWith('data:'));
    expect(urls.length).toBeGreaterThan(2);
    expect(urls.filter((u) => new URL(u).host !== gateway)).toEqual([]);
    expect(urls.some((u) => u.startsWith('ws://') && u.endsWith('/graphql'))).toBe(true);
    await screenshot(page, 'dashboard-en');
  });

  it('recolours a region within 2 s of its last overdue complaint being resolved through the API, and lists the changes live', async () => {
    const overview = await requestData(api(), RegionsOverviewDocument, { from: daysBefore(kzToday(), 1095), to: kzToday() });
    const red = overview.regions.filter((r) => r.complaintIndicators.overdue > 0).sort((a, b) => a.complaintIndicators.overdue - b.complaintIndicators.overdue)[0];
    expect(red).toBeDefined();
    await page.waitForSelector(`svg [data-region="${red.code}"][data-colour="red"]`);
    const token = await officer(red.code);
    const work = await requestData(api(), OfficerWorkListDocument, { territory: red.code, first: 50 }, { token });
    expect(work.overdue.totalCount).toBe(red.complaintIndicators.overdue);
    let last = '';
    for (const complaint of work.overdue.nodes) {
      for (const to of TO_RESOLVED[complaint.status]) await move(api(), complaint.id, to, token);
      last = complaint.id;
    }
    const changed = Date.now();
    await page.waitForSelector(`svg [data-region="${red.code}"][data-colour="green"]`, { timeout: 2_000 });
    expect(Date.now() - changed).toBeLessThan(2_000);
    await page.waitForSelector(`.feed-list li[data-complaint="${last}"][data-to="RESOLVED"]`, { timeout: 2_000 });

    // A complaint filed in a region with none open shows in its counts as quickly.
    const before = Number(await page.locator(`[data-region-row="${ABAI}"]`).getAttribute('data-open'));
    const filed = Date.now();
    const id = await fileComplaint(ABAI, 'Семейде аялдама шатыры құлап қалды, жолаушылар жаңбырда тұр.');
    await page.waitForSelector(`[data-region-row="${ABAI}"][data-open="${before + 1}"]`, { timeout: 2_000 });
    await page.waitForSelector(`.feed-list li[data-complaint="${id}"][data-to="SUBMITTED"]`, { timeout: 2_000 });
    expect(Date.now() - filed).toBeLessThan(2_000);
    await screenshot(page, 'dashboard-after-changes');
  });

  it('switches labels, enum labels included, between Kazakh, Russian and English', async () => {
    await page.click('nav.langs button[lang="kk"]');
    await page.waitForSelector('.country h2:text-is("Ел бір экранда")');
    expect(await page.locator('.regions thead th').first().textContent()).toBe('Өңір');
    expect(await page.locator('.feed-list li[data-to="RESOLVED"] .change b').first().textContent()).toBe('Мемлекеттік органдар шешті');
    expect(await page.locator('[data-region-row="750000000"] th').textContent()).toContain('Алматы қ.');
    await screenshot(page, 'dashboard-kk');

    await page.click('nav.langs button[lang="ru"]');
    await page.waitForSelector('.country h2:text-is("Страна на одном экране")');
    expect(await page.locator('.feed-list li[data-to="RESOLVED"] .change b').first().textContent()).toBe('Решено госорганами');
    expect(await page.locator('[data-connection]').first().textContent()).toContain('В эфире');

    await page.click('nav.langs button[lang="en"]');
    await page.waitForSelector('.country h2:text-is("The country at a glance")');
    expect(await page.locator('.feed-list li[data-to="RESOLVED"] .change b').first().textContent()).toBe('Resolved by state bodies');
  });

  it('drills down into one region: complaints by status, monthly trend and the other subprogrammes, from one query', async () => {
    // The production build sends trusted-document ids, queries by GET (docs/frontend.md).
    const regionDetail = documentIdOf(RegionDetailDocument);
    const queries: string[] = [];
    page.on('request', (r) => new URL(r.url()).searchParams.get('documentId') === regionDetail && queries.push('query RegionDetail'));
    page.on('request', (r) => r.method() === 'POST' && queries.push(r.postDataJSON()?.query ?? ''));
    await page.click(`svg [data-region="${ALMATY}"]`);
    const panel = page.locator(`[data-region-detail="${ALMATY}"]`);
    await panel.locator('h2:text-is("Almaty")').waitFor();
    await panel.locator('[data-status="SUBMITTED"]').waitFor();
    expect(await panel.locator('[data-month]').count()).toBe(12);
    for (const title of ['QR codes on monuments', 'Local history clubs', 'Local history events', 'Media plans', '100 new faces']) {
      await panel.locator(`.tile h3:text-is("${title}")`).waitFor();
    }
    expect(queries.filter((q) => q.includes('query RegionDetail'))).toHaveLength(1);
    await screenshot(page, 'dashboard-region-almaty');
  });

  it('shows an officer who pastes a token the work list of their territory, overdue first', async () => {
    const token = await officer(ALMATY);
    const expected = await requestData(api(), OfficerWorkListDocument, { territory: ALMATY, first: 10 }, { token });
    await page.fill('input[name="token"]', token);
    await page.click('.token-form button[type="submit"]');
    const list = page.locator('[data-testid="work-list"]');
    await list.waitFor();
    expect(await list.locator('[data-bucket]').evaluateAll((els) => els.map((e) => e.getAttribute('data-bucket')))).toEqual([
      'overdue',
      'submitted',
      'accepted',
      'inProgress',
    ]);
    for (const bucket of ['overdue', 'submitted', 'accepted', 'inProgress'] as const) {
      expect(await list.locator(`[data-bucket="${bucket}"] .count`).textContent()).toBe(String(expected[bucket].totalCount));
      const ids = await list.locator(`[data-bucket="${bucket}"] li[data-complaint]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-complaint')));
      expect(ids).toEqual(expected[bucket].nodes.map((n) => n.id));
    }
    await screenshot(page, 'dashboard-officer');
  });

  it('works at phone width (390 px) in Kazakh', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'kk-KZ' });
    const small = await phone.newPage();
    await small.goto(dashboardUrl);
    await small.waitForFunction(() => document.querySelectorAll('[data-region-row][data-open]').length === 20);
    await small.tap('nav.langs button[lang="kk"]');
    await small.waitForSelector('.country h2:text-is("Ел бір экранда")');
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const map = await small.locator('.map svg').boundingBox();
    expect(map!.width).toBeGreaterThan(300);
    await screenshot(small, 'dashboard-phone-kk');
    await phone.close();
  });

  it('loses no event when the gateway is killed and restarted: it resumes from its last cursor', async () => {
    const id = await fileComplaint(ALMATY, 'Медеу ауданында көше шамдары екі аптадан бері жанбайды.');
    await page.waitForSelector(`.feed-list li[data-complaint="${id}"][data-to="SUBMITTED"]`);

    const gateway = system.services.get('gateway')!;
    const exited = new Promise((resolve) => gateway.child.once('exit', resolve));
    gateway.child.kill('SIGKILL');
    await exited;
    await page.waitForSelector('[data-connection="reconnecting"]');

    // While the gateway is down, the akimat works on the complaint directly at atameken.
    const token = await officer(ALMATY);
    const atameken = system.services.get('atameken')!.url;
    await move(atameken, id, 'ACCEPTED', token);
    await move(atameken, id, 'IN_PROGRESS', token);
    await screenshot(page, 'dashboard-reconnecting');

    await system.restart('gateway');
    await page.waitForSelector(`.feed-list li[data-complaint="${id}"][data-to="IN_PROGRESS"]`, { timeout: 15_000 });
    await page.waitForSelector('[data-connection="live"]');
    const seen = await page.locator(`.feed-list li[data-complaint="${id}"]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-to')));
    expect(seen).toEqual(['IN_PROGRESS', 'ACCEPTED', 'SUBMITTED']);
    const cursors = await page.locator('.feed-list li').evaluateAll((els) => els.map((e) => e.getAttribute('data-cursor')));
    expect(new Set(cursors).size).toBe(cursors.length);

    // And it stays live after the restart.
    await move(api(), id, 'RESOLVED', token);
    await page.waitForSelector(`.feed-list li[data-complaint="${id}"][data-to="RESOLVED"]`, { timeout: 2_000 });
    // The region panel reloads after the change, and the outage left no error behind.
    const region = await requestData(api(), RegionDetailDocument, { code: ALMATY, from: daysBefore(kzToday(), 330), to: kzToday(), lang: 'EN' });
    await page.waitForSelector(`[data-region-detail="${ALMATY}"] [data-status="RESOLVED"][data-count="${region.territory.resolved.totalCount}"]`);
    expect(await page.locator('.error').count()).toBe(0);
    await screenshot(page, 'dashboard-resumed');
  }, 60_000);

  it('runs a subscription in GraphiQL, with the token from its Headers editor, and shows an event', async () => {
    const ide = await browser.newPage();
    try {
      await ide.goto(system.gatewayUrl);
      await ide.waitForSelector('.graphiql-query-editor .CodeMirror');
      const token = await citizen();
      // `mine` needs a token: the subscription only starts if the headers reached connection_init.
      const subscription = 'subscription Mine { complaintStatusChanged(mine: true) { cursor to complaint { id status } } }';
      await ide.getByRole('button', { name: 'Headers' }).click();
      await ide.evaluate(
        ([query, headers]) => {
          type Editor = Element & { CodeMirror: { setValue(value: string): void } };
          (document.querySelector('.graphiql-query-editor .CodeMirror') as Editor).CodeMirror.setValue(query);
          const visible = [...document.querySelectorAll('.graphiql-editor-tool .graphiql-editor')].find((e) => !e.classList.contains('hidden'));
          (visible!.querySelector('.CodeMirror') as Editor).CodeMirror.setValue(headers);
        },
        [subscription, JSON.stringify({ Authorization: `Bearer ${token}` })],
      );
      // GraphiQL reads the operation's name from the editor a moment after a change.
      await ide.waitForTimeout(400);
      const before = (await gatewayStats(api())).downstream;
      await ide.click('.graphiql-execute-button');
      // The subscription is live at the gateway before anything changes.
      for (let i = 0; i < 50 && (await gatewayStats(api())).downstream === before; i++) await sleep(100);
      expect((await gatewayStats(api())).downstream).toBe(before + 1);
      const id = await fileComplaint(ALMATY, 'Абай даңғылында бағдаршам істемейді, жаяу жүргіншілерге қауіпті.');
      const result = () =>
        ide.evaluate(() => (document.querySelector('.graphiql-response .CodeMirror') as Element & { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
      await ide.waitForFunction((complaint) => document.querySelector('.graphiql-response')?.textContent?.includes(complaint), id, { timeout: 5_000 });
      expect(JSON.parse(await result())).toMatchObject({ data: { complaintStatusChanged: { to: 'SUBMITTED', complaint: { id, status: 'SUBMITTED' } } } });
      await screenshot(ide, 'graphiql-subscription');
    } finally {
      await ide.close();
    }
  });
});
