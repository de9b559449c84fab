import { todayInKazakhstan } from '@rz/schema';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { rukhaniQazyna } from '../subgraph';

// A trailing slash in the setting must not double the slash in links.
// Parsed settings, as loadConfig would give them for PUBLIC_BASE_URL=https://rukhani.example.kz/
const settings = { PUBLIC_BASE_URL: 'https://rukhani.example.kz' };
const BASE = 'https://rukhani.example.kz';

const UA = {
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  ipad: 'Mozilla/5.0 (iPad; CPU OS 16_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.0 Mobile/15E148 Safari/604.1',
  windows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
  telegram: 'TelegramBot (like TwitterBot)',
};

let subgraph: TestSubgraph;
let origin: string;
let monumentId: string;
let otherMonumentId: string;
let qr: { id: string; code: string; url: string; svgUrl: string; pngUrl: string };

const editor = () => testToken({ roles: ['ministry_editor'], subprogramme: 'rukhani-qazyna', subject: 'editor-1' });
const turkistanOfficer = () => testToken({ roles: ['akimat_officer'], territory: '610000000', subject: 'officer-610' });
const almatyOfficer = () => testToken({ roles: ['akimat_officer'], territory: '750000000', subject: 'officer-750' });

const scan = (path: string, headers: Record<string, string> = {}, method = 'GET') => fetch(`${origin}${path}`, { method, headers, redirect: 'manual' });
const scanCount = async () => (await subgraph.db.query(`SELECT count(*)::int AS n FROM qr_scan`))[0].n as number;

async function createMonument(name: string, territory: string): Promise<string> {
  const res = await gql(
    subgraph.url,
    `mutation($input: CreateMonumentInput!) { createMonument(input: $input) { id } }`,
    { input: { name: { kk: name, ru: name }, type: 'ARCHITECTURAL', significance: 'LOCAL', territory } },
    await editor(),
  );
  expect(res.errors).toBeUndefined();
  return res.data!.createMonument.id;
}

beforeAll(async () => {
  subgraph = await startTestSubgraph(rukhaniQazyna, { settings });
  origin = `http://localhost:${subgraph.port}`;
  monumentId = await createMonument('Қожа Ахмет Ясауи кесенесі', '610000000');
  otherMonumentId = await createMonument('Ескерткіш', '750000000');
  const issued = await gql(
    subgraph.url,
    `mutation($m: ID!) { issueQrCode(monumentId: $m) { id code status installed url svgUrl pngUrl monument { id } } }`,
    { m: monumentId },
    await turkistanOfficer(),
  );
  expect(issued.errors).toBeUndefined();
  qr = issued.data!.issueQrCode;
});
afterAll(() => subgraph?.close());

describe('QR codes', () => {
  it('issues a short code whose link is the configured public base URL', () => {
    expect(qr.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(qr).toMatchObject({
      status: 'ISSUED',
      installed: false,
      url: `${BASE}/q/${qr.code}`,
      svgUrl: `${BASE}/q/${qr.code}.svg`,
      pngUrl: `${BASE}/q/${qr.code}.png`,
      monument: { id: monumentId },
    });
  });

  it('redirects a scan to the monument page in the reader\'s language and counts it', async () => {
    const before = await scanCount();
    const cases: [Record<string, string>, string][] = [
      [{ 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.8', 'user-agent': UA.iphone }, 'ru'],
      [{ 'accept-language': 'kk-KZ', 'user-agent': UA.ipad }, 'kk'],
      [{ 'accept-language': 'en-GB,en;q=0.9,ru;q=0.5', 'user-agent': UA.windows }, 'en'],
      // None of ours offered: a foreign visitor, English (seed 002).
      [{ 'accept-language': 'de-DE,de;q=0.9', 'user-agent': UA.iphone }, 'en'],
      [{ 'accept-language': 'tr', 'user-agent': UA.windows }, 'en'],
      // Any language will do: the first of kk -> ru -> en.
      [{ 'accept-language': '*', 'user-agent': UA.windows }, 'kk'],
      [{ 'accept-language': 'de, en;q=0.1', 'user-agent': UA.telegram }, 'en'],
      [{}, 'kk'],
    ];
    for (const [headers, lang] of cases) {
      const res = await scan(`/q/${qr.code}`, headers);
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe(`${BASE}/${lang}/monuments/${monumentId}`);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    expect(await scanCount()).toBe(before + cases.length);

    const rows = await subgraph.db.query(`SELECT lang, device FROM qr_scan ORDER BY id DESC LIMIT $1`, [cases.length]);
    expect(rows.reverse()).toEqual([
      { lang: 'ru', device: 'MOBILE' },
      { lang: 'kk', device: 'TABLET' },
      { lang: 'en', device: 'DESKTOP' },
      { lang: 'en', device: 'MOBILE' },
      { lang: 'en', device: 'DESKTOP' },
      { lang: 'kk', device: 'DESKTOP' },
      { lang: 'en', device: 'BOT' },
      { lang: 'kk', device: 'UNKNOWN' },
    ]);

    // Automated clients are recorded but not counted as visits.
    const counted = await gql(subgraph.url, `query($code: String!) { qrCode(code: $code) { scanCount } }`, { code: qr.code }, await turkistanOfficer());
    expect(counted.data!.qrCode.scanCount).toBe(7);
    const today = todayInKazakhstan();
    const indicators = await gql(
      subgraph.url,
      `query($p: QrScanPeriodInput!) { qrScanIndicators(period: $p) { scans byLanguage { lang scans } byDevice { device scans } topMonuments { rank scans monument { id } } } }`,
      { p: { from: today, to: today } },
    );
    expect(indicators.errors).toBeUndefined();
    expect(indicators.data!.qrScanIndicators).toMatchObject({
      scans: 7,
      byLanguage: [
        { lang: 'KK', scans: 3 },
        { lang: 'RU', scans: 1 },
        { lang: 'EN', scans: 3 },
      ],
      topMonuments: [{ rank: 1, scans: 7, monument: { id: monumentId } }],
    });
    expect(indicators.data!.qrScanIndicators.byDevice).toContainEqual({ device: 'BOT', scans: 1 });
  });

  it('keeps nothing about the reader but time, language and device class', async () => {
    const columns = await subgraph.db.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'qr_scan' ORDER BY column_name`,
    );
    expect(columns.map((c: { column_name: string }) => c.column_name)).toEqual(['device', 'id', 'lang', 'monument_id', 'qr_code_id', 'scanned_at']);
  });

  it('accepts the code in lower case and does not count HEAD requests', async () => {
    const before = await scanCount();
    const lower = await scan(`/q/${qr.code.toLowerCase()}`, { 'accept-language': 'ru' });
    expect(lower.status).toBe(302);
    expect(lower.headers.get('location')).toBe(`${BASE}/ru/monuments/${monumentId}`);
    const head = await scan(`/q/${qr.code}`, {}, 'HEAD');
    expect(head.status).toBe(302);
    expect(await scanCount()).toBe(before + 1);
  });

  it('answers an unknown or malformed code with an HTML 404 page and no trace', async () => {
    const before = await scanCount();
    for (const path of ['/q/ZZZZZZZZ', '/q/ZZZZZZZZ.png', '/q/no', '/q/%3Cscript%3E', '/q/AB12CD34/extra', '/q/']) {
      const res = await scan(path, { 'user-agent': UA.iphone });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const body = await res.text();
      expect(body).toContain('QR код табылмады');
      expect(body).toContain('QR code not found');
      expect(body).not.toMatch(/at .*\.(ts|js):\d+|Error:|<script/);
    }
    expect(await scanCount()).toBe(before);
  });

  it('serves a PNG that decodes back to the code\'s URL', async () => {
    const res = await scan(`/q/${qr.code}.png?size=300`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
    expect(png.width).toBe(300);
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(`${BASE}/q/${qr.code}`);
  });

  it('serves an SVG that, drawn module by module, decodes back to the code\'s URL', async () => {
    const res = await scan(`/q/${qr.code}.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const svg = await res.text();
    expect(svg.startsWith('<svg')).toBe(true);
    expect(decodeSvg(svg)).toBe(`${BASE}/q/${qr.code}`);
  });

  it('shows a code not yet installed only to those who place it', async () => {
    const byCode = `query($code: String!) { qrCode(code: $code) { id status } }`;
    const onMonument = `query($id: ID!) { monument(id: $id) { qrCodes { id } } }`;
    const citizen = await testToken({ roles: ['citizen'] });
    const otherMinistry = await testToken({ roles: ['ministry_editor'], subprogramme: 'atameken' });
    for (const token of [undefined, citizen, otherMinistry, await almatyOfficer()]) {
      const one = await gql(subgraph.url, byCode, { code: qr.code }, token);
      expect(one.errors).toBeUndefined();
      expect(one.data!.qrCode).toBeNull();
      expect((await gql(subgraph.url, onMonument, { id: monumentId }, token)).data!.monument.qrCodes).toEqual([]);
    }
    for (const token of [await turkistanOfficer(), await editor(), await testToken({ roles: ['admin'] })]) {
      expect((await gql(subgraph.url, byCode, { code: qr.code }, token)).data!.qrCode).toEqual({ id: qr.id, status: 'ISSUED' });
      expect((await gql(subgraph.url, onMonument, { id: monumentId }, token)).data!.monument.qrCodes).toEqual([{ id: qr.id }]);
    }
  });

  it('moves issued -> installed -> removed for officers whose scope covers the monument', async () => {
    const mutation = `mutation($id: ID!, $input: MarkQrCodeInstalledInput!) { markQrCodeInstalled(id: $id, input: $input) { status installed placedOn installedBy } }`;
    const input = { placedOn: '2026-05-04', installedBy: 'Түркістан облысы әкімдігі' };
    const outsider = await gql(subgraph.url, mutation, { id: qr.id, input }, await almatyOfficer());
    expect(outsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Refused before the input or the code's state is judged.
    const outsiderFuture = await gql(subgraph.url, mutation, { id: qr.id, input: { ...input, placedOn: '2999-01-01' } }, await almatyOfficer());
    expect(outsiderFuture.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const citizen = await gql(subgraph.url, mutation, { id: qr.id, input: { ...input, installedBy: ' ' } }, await testToken({ roles: ['citizen'] }));
    expect(citizen.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const future = await gql(subgraph.url, mutation, { id: qr.id, input: { ...input, placedOn: '2999-01-01' } }, await turkistanOfficer());
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.placedOn' });
    const badDay = await gql(subgraph.url, mutation, { id: qr.id, input: { ...input, placedOn: '2026-02-30' } }, await turkistanOfficer());
    expect(badDay.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.placedOn' });

    const installed = await gql(subgraph.url, mutation, { id: qr.id, input }, await turkistanOfficer());
    expect(installed.errors).toBeUndefined();
    expect(installed.data!.markQrCodeInstalled).toEqual({ status: 'INSTALLED', installed: true, ...input });
    const again = await gql(subgraph.url, mutation, { id: qr.id, input }, await editor());
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'INSTALLED', to: 'INSTALLED' });

    // Once on site the code is public.
    expect((await gql(subgraph.url, `query($code: String!) { qrCode(code: $code) { status } }`, { code: qr.code })).data!.qrCode).toEqual({ status: 'INSTALLED' });
    const removedByOutsider = await gql(subgraph.url, `mutation($id: ID!) { markQrCodeRemoved(id: $id) { status } }`, { id: qr.id }, await almatyOfficer());
    expect(removedByOutsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const removed = await gql(subgraph.url, `mutation($id: ID!) { markQrCodeRemoved(id: $id) { status installed } }`, { id: qr.id }, await editor());
    expect(removed.data!.markQrCodeRemoved).toEqual({ status: 'REMOVED', installed: false });
    const removedAgain = await gql(subgraph.url, `mutation($id: ID!) { markQrCodeRemoved(id: $id) { status } }`, { id: qr.id }, await editor());
    expect(removedAgain.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'REMOVED', to: 'REMOVED' });
    // A removed plate's link still works.
    expect((await scan(`/q/${qr.code}`)).status).toBe(302);
    const reinstalled = await gql(subgraph.url, mutation, { id: qr.id, input: { placedOn: '2026-06-01', installedBy: 'Culture Department of Turkistan Region' } }, await editor());
    expect(reinstalled.data!.markQrCodeInstalled.status).toBe('INSTALLED');
  });

  it('lets only editors and officers in scope issue codes, and lists a monument\'s codes publicly without who recorded them', async () => {
    const issue = `mutation($m: ID!) { issueQrCode(monumentId: $m) { code } }`;
    const anonymous = await gql(subgraph.url, issue, { m: otherMonumentId });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const outsider = await gql(subgraph.url, issue, { m: otherMonumentId }, await turkistanOfficer());
    expect(outsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unknown = await gql(subgraph.url, issue, { m: '00000000-0000-7000-8000-000000000000' }, await editor());
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await subgraph.db.query(`SELECT count(*)::int AS n FROM qr_code WHERE monument_id = $1`, [otherMonumentId]))[0].n).toBe(0);

    const res = await gql(subgraph.url, `query($id: ID!) { monument(id: $id) { qrCodes { code status placedOn installedBy url } } }`, { id: monumentId });
    expect(res.errors).toBeUndefined();
    expect(res.data!.monument.qrCodes).toEqual([
      { code: qr.code, status: 'INSTALLED', placedOn: '2026-06-01', installedBy: 'Culture Department of Turkistan Region', url: qr.url },
    ]);
    const fields = await gql(subgraph.url, `{ __type(name: "QrCode") { fields { name } } }`);
    const names = fields.data!.__type.fields.map((f: { name: string }) => f.name);
    expect(names.some((n: string) => /subject|agent|ip/i.test(n))).toBe(false);
  });
});

/** Rasterises qrcode's SVG (one stroked path of horizontal runs) at 8 px per module and reads it with jsQR. */
function decodeSvg(svg: string): string | undefined {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)![1]);
  const d = /<path stroke="#000000" d="([^"]+)"/.exec(svg)![1];
  const scale = 8;
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  let x = 0;
  let y = 0;
  for (const [, command, args] of d.matchAll(/([Mmh])([^Mmh]*)/g)) {
    const n = args.trim().split(/[\s,]+/).map(Number);
    if (command === 'M') [x, y] = n;
    else if (command === 'm') [x, y] = [x + n[0], y + n[1]];
    else {
      const row = Math.floor(y);
      for (let col = x; col < x + n[0]; col++) {
        for (let py = row * scale; py < (row + 1) * scale; py++) {
          for (let px = col * scale; px < (col + 1) * scale; px++) pixels.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
        }
      }
      x += n[0];
    }
  }
  return jsQR(pixels, width, width)?.data;
}
