import { kato } from '@rz/schema';
import { newId } from '@rz/subgraph-runtime';
import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { rukhaniQazyna } from '../subgraph';

/**
 * A small explicit data set in a fresh database:
 *   Turkistan Region (610000000): M1 installed, M2 one installed + one issued code,
 *     M3 issued only, M4 (in a district) installed then removed.
 *   Almaty (750000000): M5 installed, M6 no code.
 *   Mangystau Region (470000000): M7 no code.
 * Scans (times in UTC+5) for 1-3 March 2026, plus some just outside and one by a bot.
 */
let subgraph: TestSubgraph;
const M: Record<string, string> = {};
const codeOf: Record<string, string> = {};
const TURKISTAN_DISTRICT = kato().children('610000000')[0].code;

const editor = () => testToken({ roles: ['ministry_editor'], subprogramme: 'rukhani-qazyna' });

async function call(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await gql(subgraph.url, query, variables, token);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

async function monument(key: string, territory: string) {
  const data = await call(
    `mutation($input: CreateMonumentInput!) { createMonument(input: $input) { id } }`,
    { input: { name: { en: `Monument ${key}` }, type: 'ARCHITECTURAL', significance: 'LOCAL', territory } },
    await editor(),
  );
  M[key] = data.createMonument.id;
}

async function qrCode(key: string, monumentKey: string, state: 'ISSUED' | 'INSTALLED' | 'REMOVED') {
  const token = await editor();
  const issued = await call(`mutation($m: ID!) { issueQrCode(monumentId: $m) { id } }`, { m: M[monumentKey] }, token);
  codeOf[key] = issued.issueQrCode.id;
  if (state === 'ISSUED') return;
  await call(
    `mutation($id: ID!) { markQrCodeInstalled(id: $id, input: { placedOn: "2026-02-01", installedBy: "Culture Department" }) { status } }`,
    { id: codeOf[key] },
    token,
  );
  if (state === 'REMOVED') await call(`mutation($id: ID!) { markQrCodeRemoved(id: $id) { status } }`, { id: codeOf[key] }, token);
}

async function scanAt(codeKey: string, at: string, lang: string, device: string) {
  const [{ monument_id }] = await subgraph.db.query(`SELECT monument_id FROM qr_code WHERE id = $1`, [codeOf[codeKey]]);
  await subgraph.db.query(`INSERT INTO qr_scan (id, qr_code_id, monument_id, scanned_at, lang, device) VALUES ($1, $2, $3, $4, $5, $6)`, [
    newId(),
    codeOf[codeKey],
    monument_id,
    at,
    lang,
    device,
  ]);
}

beforeAll(async () => {
  subgraph = await startTestSubgraph(rukhaniQazyna);
  await monument('M1', '610000000');
  await monument('M2', '610000000');
  await monument('M3', '610000000');
  await monument('M4', TURKISTAN_DISTRICT);
  await monument('M5', '750000000');
  await monument('M6', '750000000');
  await monument('M7', '470000000');
  await qrCode('Q1', 'M1', 'INSTALLED');
  await qrCode('Q2a', 'M2', 'INSTALLED');
  await qrCode('Q2b', 'M2', 'ISSUED');
  await qrCode('Q3', 'M3', 'ISSUED');
  await qrCode('Q4', 'M4', 'REMOVED');
  await qrCode('Q5', 'M5', 'INSTALLED');

  // M1: 4 scans by people in the period, one by a bot.
  await scanAt('Q1', '2026-03-01T10:00:00+05:00', 'kk', 'MOBILE');
  await scanAt('Q1', '2026-03-01T23:30:00+05:00', 'ru', 'MOBILE');
  await scanAt('Q1', '2026-03-02T00:30:00+05:00', 'kk', 'TABLET'); // 1 March 19:30 UTC: 2 March in Kazakhstan
  await scanAt('Q1', '2026-03-03T12:00:00+05:00', 'en', 'DESKTOP');
  await scanAt('Q1', '2026-03-02T09:00:00+05:00', 'en', 'BOT');
  // M5: 3 scans on 2 March.
  await scanAt('Q5', '2026-03-02T08:00:00+05:00', 'ru', 'MOBILE');
  await scanAt('Q5', '2026-03-02T13:00:00+05:00', 'ru', 'UNKNOWN');
  await scanAt('Q5', '2026-03-02T18:00:00+05:00', 'en', 'MOBILE');
  // M2: 1 scan on its installed code.
  await scanAt('Q2a', '2026-03-03T09:15:00+05:00', 'kk', 'MOBILE');
  // Outside the period by a minute either side.
  await scanAt('Q3', '2026-02-28T23:59:00+05:00', 'kk', 'MOBILE');
  await scanAt('Q3', '2026-03-04T00:00:00+05:00', 'kk', 'MOBILE');
});
afterAll(() => subgraph?.close());

const PERIOD = { from: '2026-03-01', to: '2026-03-03' };

describe('QR coverage', () => {
  it('gives the share of monuments with an installed code per region and for the republic', async () => {
    const { qrCoverage } = await call(`{ qrCoverage {
      republic { territory { code } monuments monumentsWithInstalledQr share }
      regions { territory { code } monuments monumentsWithInstalledQr share }
    } }`);
    expect(qrCoverage.republic).toEqual({ territory: null, monuments: 7, monumentsWithInstalledQr: 3, share: 3 / 7 });
    expect(qrCoverage.regions).toHaveLength(20);
    const byCode = Object.fromEntries(qrCoverage.regions.map((r: any) => [r.territory.code, r]));
    expect(byCode['610000000']).toMatchObject({ monuments: 4, monumentsWithInstalledQr: 2, share: 0.5 });
    expect(byCode['750000000']).toMatchObject({ monuments: 2, monumentsWithInstalledQr: 1, share: 0.5 });
    expect(byCode['470000000']).toMatchObject({ monuments: 1, monumentsWithInstalledQr: 0, share: 0 });
    expect(byCode['710000000']).toMatchObject({ monuments: 0, monumentsWithInstalledQr: 0, share: null });
  });

  it('gives the same figure on Territory, for a region and a district', async () => {
    const { regions, district } = await call(
      `query($district: ID!) {
        regions { code qrCoverage { monuments monumentsWithInstalledQr share } }
        district: territory(code: $district) { qrCoverage { monuments monumentsWithInstalledQr share } }
      }`,
      { district: TURKISTAN_DISTRICT },
    );
    expect(regions.find((r: any) => r.code === '610000000').qrCoverage).toEqual({ monuments: 4, monumentsWithInstalledQr: 2, share: 0.5 });
    expect(district.qrCoverage).toEqual({ monuments: 1, monumentsWithInstalledQr: 0, share: 0 });
  });
});

describe('QR scan indicators', () => {
  const query = `query($p: QrScanPeriodInput!, $t: ID, $m: ID, $first: Int!) {
    qrScanIndicators(period: $p, territory: $t, monumentId: $m) {
      from to scans
      byDay { day scans }
      byLanguage { lang scans }
      byDevice { device scans }
      topMonuments(first: $first) { rank scans monument { id } }
    }
  }`;

  it('counts scans by day (Kazakhstan time), by language and by device, and ranks monuments', async () => {
    const { qrScanIndicators: r } = await call(query, { p: PERIOD, first: 25 });
    expect(r.from).toBe('2026-03-01');
    expect(r.to).toBe('2026-03-03');
    expect(r.scans).toBe(8);
    expect(r.byDay).toEqual([
      { day: '2026-03-01', scans: 2 },
      { day: '2026-03-02', scans: 4 },
      { day: '2026-03-03', scans: 2 },
    ]);
    expect(r.byLanguage).toEqual([
      { lang: 'KK', scans: 3 },
      { lang: 'RU', scans: 3 },
      { lang: 'EN', scans: 2 },
    ]);
    expect(r.byDevice).toEqual([
      { device: 'MOBILE', scans: 5 },
      { device: 'TABLET', scans: 1 },
      { device: 'DESKTOP', scans: 1 },
      { device: 'BOT', scans: 1 },
      { device: 'UNKNOWN', scans: 1 },
    ]);
    expect(r.topMonuments).toEqual([
      { rank: 1, scans: 4, monument: { id: M.M1 } },
      { rank: 2, scans: 3, monument: { id: M.M5 } },
      { rank: 3, scans: 1, monument: { id: M.M2 } },
    ]);
  });

  it('limits the ranking and narrows to a territory or a monument', async () => {
    const top = await call(query, { p: PERIOD, first: 2 });
    expect(top.qrScanIndicators.topMonuments.map((t: any) => t.monument.id)).toEqual([M.M1, M.M5]);
    const almaty = await call(query, { p: PERIOD, t: '750000000', first: 25 });
    expect(almaty.qrScanIndicators).toMatchObject({ scans: 3, topMonuments: [{ rank: 1, scans: 3, monument: { id: M.M5 } }] });
    expect(almaty.qrScanIndicators.byDay.map((d: any) => d.scans)).toEqual([0, 3, 0]);
    const m1 = await call(query, { p: PERIOD, m: M.M1, first: 25 });
    expect(m1.qrScanIndicators.scans).toBe(4);
  });

  it('includes the scans just outside the period once it is widened', async () => {
    const wide = await call(query, { p: { from: '2026-02-28', to: '2026-03-04' }, first: 25 });
    expect(wide.qrScanIndicators.scans).toBe(10);
    expect(wide.qrScanIndicators.byDay).toEqual([
      { day: '2026-02-28', scans: 1 },
      { day: '2026-03-01', scans: 2 },
      { day: '2026-03-02', scans: 4 },
      { day: '2026-03-03', scans: 2 },
      { day: '2026-03-04', scans: 1 },
    ]);
  });

  it('rejects a period that ends before it starts, or a non-date', async () => {
    const backwards = await gql(subgraph.url, query, { p: { from: '2026-03-03', to: '2026-03-01' }, first: 25 });
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period.to' });
    const notADay = await gql(subgraph.url, query, { p: { from: '2026-02-30', to: '2026-03-01' }, first: 25 });
    expect(notADay.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period.from' });
    const tooMany = await gql(subgraph.url, query, { p: PERIOD, first: 0 });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
