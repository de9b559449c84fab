import { distanceKm } from '@rz/schema';
import { createLogger } from '@rz/service-kit';
import { gql, startTestSubgraph, type TestSubgraph } from '@rz/test-support';
import { rukhaniQazyna } from '../subgraph';
import { seedRukhaniQazyna } from './demo.seed';
import { monumentDemoId } from './monuments.seed';
import { demoQrCode } from './qr-codes.seed';
import { demoRouteId } from './routes.seed';

let subgraph: TestSubgraph;
const logger = createLogger('test', 'silent');

beforeAll(async () => {
  subgraph = await startTestSubgraph(rukhaniQazyna, { seedDemo: true });
});
afterAll(() => subgraph?.close());

const counts = async () =>
  (await subgraph.db.query(`SELECT
    (SELECT count(*)::int FROM monument) AS monuments,
    (SELECT count(*)::int FROM qr_code) AS qr_codes,
    (SELECT count(*)::int FROM tourism_route) AS routes,
    (SELECT count(*)::int FROM tourism_route_stop) AS stops`))[0];

describe('demo data', () => {
  it('is idempotent', async () => {
    const before = await counts();
    expect(before).toMatchObject({ routes: 1, stops: 4 });
    expect(before.qr_codes).toBeGreaterThan(5);
    await seedRukhaniQazyna(subgraph.db, logger);
    expect(await counts()).toEqual(before);
  });

  it('describes World Heritage monuments from the UNESCO data and names that source', async () => {
    const res = await gql(subgraph.url, `query($a: ID!, $b: ID!) {
      yasawi: monument(id: $a) { description(lang: EN) sources }
      kayalyk: monument(id: $b) { description(lang: EN) sources }
    }`, { a: monumentDemoId('KZH001'), b: monumentDemoId('KZH007') });
    expect(res.errors).toBeUndefined();
    expect(res.data!.yasawi.description).toMatch(/^The Mausoleum of Khoja Ahmed Yasawi, in the town of Yasi, now Turkestan, was built at the time of Timur/);
    expect(res.data!.yasawi.description).toContain('Location: Turkistan city.');
    expect(res.data!.yasawi.description).not.toMatch(/<p>|&rsquo;/);
    expect(res.data!.yasawi.sources).toContain('UNESCO World Heritage Centre whc-sites-2021.csv, id_no 1103');
    expect(res.data!.kayalyk.description).toContain('A component of the UNESCO World Heritage property "Silk Roads: the Routes Network of Chang\'an-Tianshan Corridor", inscribed in 2014.');
  });

  it('adds the descriptions to rows imported before, but never over an editor\'s text', async () => {
    const [yasawi, tamgaly] = [monumentDemoId('KZH001'), monumentDemoId('KZH002')];
    const original = await subgraph.db.query(`SELECT description_en, sources FROM monument WHERE id = $1`, [yasawi]);
    // As the first import left them, and one changed by an editor since.
    await subgraph.db.query(
      `UPDATE monument SET description_en = 'Turkistan city', sources = split_part(sources, '; description: ', 1) WHERE id = $1`,
      [yasawi],
    );
    await subgraph.db.query(`UPDATE monument SET description_en = 'Edited by the ministry' WHERE id = $1`, [tamgaly]);
    await seedRukhaniQazyna(subgraph.db, logger);
    expect(await subgraph.db.query(`SELECT description_en, sources FROM monument WHERE id = $1`, [yasawi])).toEqual(original);
    expect((await subgraph.db.query(`SELECT description_en FROM monument WHERE id = $1`, [tamgaly]))[0].description_en).toBe('Edited by the ministry');
  });

  it('publishes a demo route measured from the monuments\' sourced coordinates', async () => {
    const res = await gql(subgraph.url, `query($id: ID!) { tourismRoute(id: $id) { status local lengthKm regions { code } stops { monument { id location { lat lon } } } } }`, {
      id: demoRouteId('turkistan-sacred-sites'),
    });
    expect(res.errors).toBeUndefined();
    const route = res.data!.tourismRoute;
    expect(route).toMatchObject({ status: 'PUBLISHED', local: true, regions: [{ code: '610000000' }] });
    expect(route.stops.map((s: any) => s.monument.id)).toEqual(['KZH067', 'KZH001', 'KZH028', 'KZH030'].map(monumentDemoId));
    const points = route.stops.map((s: any) => s.monument.location);
    const expected = points.slice(1).reduce((sum: number, p: any, i: number) => sum + distanceKm(points[i], p), 0);
    expect(route.lengthKm).toBeCloseTo(expected, 9);
  });

  it('gives reference monuments QR codes whose links work', async () => {
    const res = await fetch(`http://localhost:${subgraph.port}/q/${demoQrCode('KZH001')}`, { headers: { 'accept-language': 'en' }, redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`http://localhost:4000/en/monuments/${monumentDemoId('KZH001')}`);
  });
});
