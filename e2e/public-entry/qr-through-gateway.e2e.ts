import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { gql, startTestSystem, testToken, type TestSystem } from '@rz/test-support';

/** The public origin the API must put in every link; the gateway stands behind it. */
const PUBLIC_BASE_URL = 'https://rukhani.example.kz';

/** QR plates and monument pages through the one public entry point, the gateway. */
describe('QR codes and monument pages through the gateway', () => {
  let system: TestSystem;
  /** A public link, fetched from the gateway that serves its origin. */
  const viaGateway = (link: string, init: RequestInit = {}) => {
    expect(link.startsWith(`${PUBLIC_BASE_URL}/`)).toBe(true);
    return fetch(new URL(new URL(link).pathname, system.gatewayUrl), { redirect: 'manual', ...init });
  };

  beforeAll(async () => {
    system = await startTestSystem({ subgraphEnv: { PUBLIC_BASE_URL } });
  }, 180_000);
  afterAll(() => system?.close());

  it('decodes a plate’s PNG and lands on the monument’s page in kk, ru and en', async () => {
    // The demo codes are issued, not yet installed: only an editor sees them.
    const editor = await testToken({ roles: ['admin'], subject: 'qr-e2e-editor' });
    const { stableId } = await import('@rz/subgraph-runtime');
    const res = await gql(system.gatewayUrl, `query($id: ID!) { monument(id: $id) { id kk: name(lang: KK) ru: name(lang: RU) en: name(lang: EN) qrCodes { code url pngUrl } } }`, { id: stableId('monument:KZH001') }, editor);
    expect(res.errors).toBeUndefined();
    const { monument } = res.data!;
    const [qr] = monument.qrCodes;
    expect(qr.url).toBe(`${PUBLIC_BASE_URL}/q/${qr.code}`);

    const png = await viaGateway(qr.pngUrl);
    expect([png.status, png.headers.get('content-type')]).toEqual([200, 'image/png']);
    const image = PNG.sync.read(Buffer.from(await png.arrayBuffer()));
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(decoded?.data).toBe(qr.url);

    for (const lang of ['kk', 'ru', 'en'] as const) {
      const scan = await viaGateway(decoded!.data, { headers: { 'accept-language': `${lang},en;q=0.1` } });
      expect([lang, scan.status]).toEqual([lang, 302]);
      const location = scan.headers.get('location')!;
      expect(location).toBe(`${PUBLIC_BASE_URL}/${lang}/monuments/${monument.id}`);
      const page = await viaGateway(location, { headers: { 'accept-language': lang } });
      expect([lang, page.status, page.headers.get('content-language')]).toEqual([lang, 200, lang]);
      const html = await page.text();
      expect(html).toContain(`<html lang="${lang}">`);
      // The name as the API gives it in that language (with the same fallback).
      expect(html).toContain(monument[lang].replace(/[&<>"']/g, (c: string) => `&#${c.charCodeAt(0)};`));
    }
  });

  it('answers unknown codes and monuments with the subgraph’s 404 pages, a bad token notwithstanding', async () => {
    const unknown = await viaGateway(`${PUBLIC_BASE_URL}/q/ZZZZZZZZ`, { headers: { authorization: 'Bearer not-a-token' } });
    expect([unknown.status, unknown.headers.get('content-type')]).toEqual([404, expect.stringMatching(/^text\/html/)]);
    const missing = await viaGateway(`${PUBLIC_BASE_URL}/ru/monuments/00000000-0000-7000-8000-000000000000`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Памятник не найден');
  });
});
