import { distanceKm } from '@rz/schema';
import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { rukhaniQazyna } from '../subgraph';

let subgraph: TestSubgraph;
const editor = () => testToken({ roles: ['ministry_editor'], subprogramme: 'rukhani-qazyna', subject: 'editor-1' });
const turkistanOfficer = () => testToken({ roles: ['akimat_officer'], territory: '610000000', subject: 'officer-610' });
const almatyOfficer = () => testToken({ roles: ['akimat_officer'], territory: '750000000', subject: 'officer-750' });

/** Coordinates from the reference data (monuments_kz.csv). */
const PLACES = {
  yasawi: { lat: 43.297694, lon: 68.271056, territory: '610000000' },
  arystanBab: { lat: 42.851, lon: 68.268, territory: '610000000' },
  sauran: { lat: 43.518433, lon: 67.772283, territory: '610000000' },
  babaji: { lat: 42.833889, lon: 71.210556, territory: '310000000' },
};
/** A named point: Shymkent. */
const SHYMKENT = { lat: 42.3417, lon: 69.5901, territory: '790000000' };

const M: Record<string, string> = {};
let noPointMonument: string;

async function call(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await gql(subgraph.url, query, variables, token);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

const pathLength = (points: { lat: number; lon: number }[]) => points.slice(1).reduce((sum, p, i) => sum + distanceKm(points[i], p), 0);

const ROUTE_FIELDS = `id status lengthKm local name(lang: EN) regions { code } tourOperators { name phone email website }
  stops { id position name(lang: RU) distanceFromPreviousKm monument { id } location { lat lon } territory { code } }`;

beforeAll(async () => {
  subgraph = await startTestSubgraph(rukhaniQazyna);
  const token = await editor();
  for (const [key, p] of Object.entries(PLACES)) {
    const data = await call(
      `mutation($input: CreateMonumentInput!) { createMonument(input: $input) { id } }`,
      { input: { name: { ru: `Памятник ${key}` }, type: 'ARCHITECTURAL', significance: 'REPUBLICAN', territory: p.territory, location: { lat: p.lat, lon: p.lon } } },
      token,
    );
    M[key] = data.createMonument.id;
  }
  const noPoint = await call(
    `mutation { createMonument(input: { name: { ru: "Без координат" }, type: ARCHAEOLOGICAL, significance: LOCAL, territory: "610000000" }) { id } }`,
    {},
    token,
  );
  noPointMonument = noPoint.createMonument.id;
});
afterAll(() => subgraph?.close());

describe('tourism routes', () => {
  let routeId: string;
  let stopIds: string[];

  it('computes the length from consecutive stops and the regions crossed from their territories', async () => {
    const data = await call(
      `mutation($input: CreateTourismRouteInput!) { createTourismRoute(input: $input) { ${ROUTE_FIELDS} } }`,
      {
        input: {
          name: { kk: 'Түркістан киелі жерлері', ru: 'Святыни Туркестана', en: 'Sacred sites of Turkistan' },
          type: 'AUTO',
          durationHours: 48,
          tourOperators: [{ name: 'Silk Way Tours LLP', phone: '+7 725 000 00 00', website: 'https://example.kz' }],
          stops: [
            { monumentId: M.yasawi },
            { monumentId: M.sauran },
            { monumentId: M.arystanBab },
            { name: { ru: 'Шымкент, вокзал', en: 'Shymkent railway station' }, location: { lat: SHYMKENT.lat, lon: SHYMKENT.lon }, territory: SHYMKENT.territory },
            { monumentId: M.babaji },
          ],
        },
      },
      await editor(),
    );
    const route = data.createTourismRoute;
    routeId = route.id;
    stopIds = route.stops.map((s: { id: string }) => s.id);
    const expected = pathLength([PLACES.yasawi, PLACES.sauran, PLACES.arystanBab, SHYMKENT, PLACES.babaji]);
    expect(route.lengthKm).toBeCloseTo(expected, 9);
    expect(route.lengthKm).toBeGreaterThan(300);
    expect(route).toMatchObject({ status: 'DRAFT', local: false, name: 'Sacred sites of Turkistan' });
    expect(route.regions.map((r: { code: string }) => r.code)).toEqual(['610000000', '790000000', '310000000']);
    expect(route.stops.map((s: any) => s.position)).toEqual([1, 2, 3, 4, 5]);
    expect(route.stops[0].distanceFromPreviousKm).toBeNull();
    expect(route.stops[1].distanceFromPreviousKm).toBeCloseTo(distanceKm(PLACES.yasawi, PLACES.sauran), 9);
    expect(route.stops[3]).toMatchObject({ name: 'Шымкент, вокзал', monument: null, territory: { code: '790000000' } });
    expect(route.stops[4]).toMatchObject({ name: 'Памятник babaji', monument: { id: M.babaji }, location: { lat: PLACES.babaji.lat, lon: PLACES.babaji.lon } });
    expect(route.tourOperators).toEqual([{ name: 'Silk Way Tours LLP', phone: '+7 725 000 00 00', email: null, website: 'https://example.kz' }]);
  });

  it('hides a draft from the public and shows it once published', async () => {
    const query = `query($id: ID!) { tourismRoute(id: $id) { id status } tourismRoutes { totalCount } }`;
    const hidden = await call(query, { id: routeId });
    expect(hidden).toEqual({ tourismRoute: null, tourismRoutes: { totalCount: 0 } });
    const published = await call(`mutation($id: ID!) { publishTourismRoute(id: $id) { status } }`, { id: routeId }, await editor());
    expect(published.publishTourismRoute.status).toBe('PUBLISHED');
    const shown = await call(query, { id: routeId });
    expect(shown).toEqual({ tourismRoute: { id: routeId, status: 'PUBLISHED' }, tourismRoutes: { totalCount: 1 } });
    const twice = await gql(subgraph.url, `mutation($id: ID!) { publishTourismRoute(id: $id) { status } }`, { id: routeId }, await editor());
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'PUBLISHED', to: 'PUBLISHED' });
  });

  it('updates length and regions when the stops are reordered', async () => {
    const order = [stopIds[4], stopIds[3], stopIds[0], stopIds[2], stopIds[1]];
    const data = await call(
      `mutation($id: ID!, $order: [ID!]!) { reorderTourismRouteStops(id: $id, stopIds: $order) { ${ROUTE_FIELDS} } }`,
      { id: routeId, order },
      await editor(),
    );
    const route = data.reorderTourismRouteStops;
    expect(route.lengthKm).toBeCloseTo(pathLength([PLACES.babaji, SHYMKENT, PLACES.yasawi, PLACES.arystanBab, PLACES.sauran]), 9);
    expect(route.regions.map((r: { code: string }) => r.code)).toEqual(['310000000', '790000000', '610000000']);
    expect(route.stops.map((s: { id: string }) => s.id)).toEqual(order);
    expect(route.stops.map((s: any) => s.position)).toEqual([1, 2, 3, 4, 5]);
    stopIds = order;
  });

  it('rejects a reorder that drops, repeats or invents a stop, changing nothing', async () => {
    const mutation = `mutation($id: ID!, $order: [ID!]!) { reorderTourismRouteStops(id: $id, stopIds: $order) { id } }`;
    const before = await call(`query($id: ID!) { tourismRoute(id: $id) { lengthKm stops { id } } }`, { id: routeId });
    for (const order of [stopIds.slice(1), [...stopIds.slice(1), stopIds[1]], [...stopIds.slice(1), '00000000-0000-7000-8000-000000000000']]) {
      const res = await gql(subgraph.url, mutation, { id: routeId, order }, await editor());
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stopIds' });
    }
    expect(await call(`query($id: ID!) { tourismRoute(id: $id) { lengthKm stops { id } } }`, { id: routeId })).toEqual(before);
  });

  it('replaces the stops, measuring a monument without coordinates by the point given for the stop', async () => {
    const mutation = `mutation($id: ID!, $stops: [TourismRouteStopInput!]!) { setTourismRouteStops(id: $id, stops: $stops) { lengthKm local regions { code } stops { location { lat lon } } } }`;
    const missingPoint = await gql(subgraph.url, mutation, { id: routeId, stops: [{ monumentId: M.yasawi }, { monumentId: noPointMonument }] }, await editor());
    expect(missingPoint.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stops.1.location' });
    const tooShort = await gql(subgraph.url, mutation, { id: routeId, stops: [{ monumentId: M.yasawi }] }, await editor());
    expect(tooShort.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stops' });
    const unknownTerritory = await gql(
      subgraph.url,
      mutation,
      { id: routeId, stops: [{ monumentId: M.yasawi }, { name: { en: 'Camp' }, location: { lat: 43, lon: 68 }, territory: '999999999' }] },
      await editor(),
    );
    expect(unknownTerritory.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stops.1.territory', territoryCode: '999999999' });
    const unchanged = await call(`query($id: ID!) { tourismRoute(id: $id) { stops { id } } }`, { id: routeId });
    expect(unchanged.tourismRoute.stops.map((s: { id: string }) => s.id)).toEqual(stopIds);

    const entrance = { lat: 43.4, lon: 68.5 };
    const data = await call(mutation, { id: routeId, stops: [{ monumentId: M.yasawi }, { monumentId: noPointMonument, location: entrance }, { monumentId: M.arystanBab }] }, await editor());
    expect(data.setTourismRouteStops).toMatchObject({ local: true, regions: [{ code: '610000000' }] });
    expect(data.setTourismRouteStops.lengthKm).toBeCloseTo(pathLength([PLACES.yasawi, entrance, PLACES.arystanBab]), 9);
  });

  it('measures the route again when a monument on it moves', async () => {
    const moved = { lat: 42.9, lon: 68.3 };
    await call(`mutation($id: ID!, $p: GeoPointInput!) { updateMonument(id: $id, input: { location: $p }) { id } }`, { id: M.arystanBab, p: moved }, await editor());
    const { tourismRoute } = await call(`query($id: ID!) { tourismRoute(id: $id) { lengthKm } }`, { id: routeId });
    expect(tourismRoute.lengthKm).toBeCloseTo(pathLength([PLACES.yasawi, { lat: 43.4, lon: 68.5 }, moved]), 9);
    await call(`mutation($id: ID!, $p: GeoPointInput!) { updateMonument(id: $id, input: { location: $p }) { id } }`, { id: M.arystanBab, p: { lat: PLACES.arystanBab.lat, lon: PLACES.arystanBab.lon } }, await editor());
  });

  it('lets akimat officers keep routes of their territory only', async () => {
    const create = `mutation($input: CreateTourismRouteInput!) { createTourismRoute(input: $input) { id territory { code } status } }`;
    const stops = [{ monumentId: M.yasawi }, { monumentId: M.sauran }];
    const withoutTerritory = await gql(subgraph.url, create, { input: { name: { kk: 'Жаяу жол' }, type: 'WALKING', stops } }, await turkistanOfficer());
    expect(withoutTerritory.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.territory' });
    const elsewhere = await gql(subgraph.url, create, { input: { name: { kk: 'Жаяу жол' }, type: 'WALKING', territory: '750000000', stops } }, await turkistanOfficer());
    expect(elsewhere.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Callers who may not create routes are refused before their input is judged.
    const nameless = { name: {}, type: 'WALKING', territory: '750000000' };
    for (const token of [await testToken({ roles: ['citizen'] }), await testToken({ roles: ['ministry_editor'], subprogramme: 'atameken' }), await testToken({ roles: ['project_office'], territory: '750000000' })]) {
      expect((await gql(subgraph.url, create, { input: nameless }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await gql(subgraph.url, create, { input: nameless }, await turkistanOfficer())).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(subgraph.url, create, { input: nameless })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const own = await call(create, { input: { name: { kk: 'Жаяу жол' }, type: 'WALKING', territory: '610000000', stops } }, await turkistanOfficer());
    expect(own.createTourismRoute).toMatchObject({ territory: { code: '610000000' }, status: 'DRAFT' });

    const drafts = `{ tourismRoutes(filter: { status: DRAFT }) { nodes { id } } }`;
    expect((await call(drafts, {}, await turkistanOfficer())).tourismRoutes.nodes).toEqual([{ id: own.createTourismRoute.id }]);
    expect((await call(drafts, {}, await almatyOfficer())).tourismRoutes.nodes).toEqual([]);
    // Drafts are left out for everyone else, without an error: the list shows what the viewer may edit.
    expect((await call(drafts)).tourismRoutes.nodes).toEqual([]);
    expect((await call(drafts, {}, await testToken({ roles: ['citizen'] }))).tourismRoutes.nodes).toEqual([]);
    expect((await call(drafts, {}, await testToken({ roles: ['ministry_editor'], subprogramme: 'atameken' }))).tourismRoutes.nodes).toEqual([]);
    const draftById = `query($id: ID!) { tourismRoute(id: $id) { id } }`;
    expect((await call(draftById, { id: own.createTourismRoute.id })).tourismRoute).toBeNull();
    expect((await call(draftById, { id: own.createTourismRoute.id }, await almatyOfficer())).tourismRoute).toBeNull();
    expect((await call(draftById, { id: own.createTourismRoute.id }, await turkistanOfficer())).tourismRoute).toEqual({ id: own.createTourismRoute.id });
    const foreignEdit = await gql(subgraph.url, `mutation($id: ID!) { publishTourismRoute(id: $id) { id } }`, { id: own.createTourismRoute.id }, await almatyOfficer());
    expect(foreignEdit.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const republican = await gql(subgraph.url, `mutation($id: ID!) { unpublishTourismRoute(id: $id) { id } }`, { id: routeId }, await turkistanOfficer());
    expect(republican.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await call(`mutation($id: ID!) { publishTourismRoute(id: $id) { id } }`, { id: own.createTourismRoute.id }, await turkistanOfficer());
  });

  it('counts published routes per type and region, and local routes that pass monuments', async () => {
    // A published route of named points only, in Almaty: local but without monuments.
    const points = await call(
      `mutation($input: CreateTourismRouteInput!) { createTourismRoute(input: $input) { id } }`,
      {
        input: {
          name: { en: 'Almaty walk' },
          type: 'WALKING',
          stops: [
            { name: { en: 'Panfilov Park' }, location: { lat: 43.2587, lon: 76.9537 }, territory: '750000000' },
            { name: { en: 'Green Bazaar' }, location: { lat: 43.2636, lon: 76.9549 }, territory: '750000000' },
          ],
        },
      },
      await editor(),
    );
    await call(`mutation($id: ID!) { publishTourismRoute(id: $id) { id } }`, { id: points.createTourismRoute.id }, await editor());
    // A draft is not counted.
    await call(`mutation { createTourismRoute(input: { name: { en: "Draft" }, type: FAMILY }) { id } }`, {}, await editor());

    const { tourismRouteIndicators: all } = await call(`{ tourismRouteIndicators {
      routes localRoutesWithMonuments byType { type routes }
      byRegion { region { code } routes localRoutesWithMonuments byType { type routes } }
    } }`);
    expect(all.routes).toBe(3);
    expect(all.localRoutesWithMonuments).toBe(2);
    expect(all.byType.filter((t: any) => t.routes)).toEqual([
      { type: 'AUTO', routes: 1 },
      { type: 'WALKING', routes: 2 },
    ]);
    expect(all.byType).toHaveLength(8);
    const region = (code: string) => all.byRegion.find((r: any) => r.region.code === code);
    expect(region('610000000')).toMatchObject({ routes: 2, localRoutesWithMonuments: 2 });
    expect(region('750000000')).toMatchObject({ routes: 1, localRoutesWithMonuments: 0 });
    expect(region('310000000')).toMatchObject({ routes: 0, localRoutesWithMonuments: 0 });

    const { tourismRouteIndicators: almaty } = await call(`{ tourismRouteIndicators(territory: "750000000") { routes byRegion { region { code } routes } } }`);
    expect(almaty).toEqual({ routes: 1, byRegion: [{ region: { code: '750000000' }, routes: 1 }] });

    const { territory } = await call(`{ territory(code: "610000000") { routes { totalCount nodes { name(lang: KK) } } } }`);
    expect(territory.routes.totalCount).toBe(2);
    const through = async (id: string) =>
      (await call(`query($id: ID!) { monument(id: $id) { tourismRoutes { totalCount } } }`, { id })).monument.tourismRoutes.totalCount;
    expect(await through(M.yasawi)).toBe(2);
    // Sauran left the first route when its stops were replaced.
    expect(await through(M.sauran)).toBe(1);
    expect(await through(M.babaji)).toBe(0);
  });

  it('resolves TourismRoute entities by key (_entities), drafts only for their editors', async () => {
    const draft = await call(`mutation { createTourismRoute(input: { name: { en: "Hidden" }, type: CAMPING }) { id } }`, {}, await editor());
    const reps = [routeId, draft.createTourismRoute.id, '00000000-0000-7000-8000-000000000000'].map((id) => ({ __typename: 'TourismRoute', id }));
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on TourismRoute { id name(lang: EN) lengthKm } } }`;
    const anonymous = await call(query, { reps });
    expect(anonymous._entities[0]).toMatchObject({ id: routeId, name: 'Sacred sites of Turkistan' });
    expect(anonymous._entities.slice(1)).toEqual([null, null]);
    const asEditor = await call(query, { reps }, await editor());
    expect(asEditor._entities[1]).toMatchObject({ id: draft.createTourismRoute.id, lengthKm: 0 });
  });

  it('resolves Territory entities by code with the routes and QR coverage this subgraph adds', async () => {
    const res = await call(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Territory {
        code routes { totalCount } walking: routes(type: WALKING) { totalCount } qrCoverage { monuments monumentsWithInstalledQr share }
      } } }`,
      { reps: ['610000000', '750000000', '310000000'].map((code) => ({ __typename: 'Territory', code })) },
    );
    expect(res._entities).toEqual([
      { code: '610000000', routes: { totalCount: 2 }, walking: { totalCount: 1 }, qrCoverage: { monuments: 4, monumentsWithInstalledQr: 0, share: 0 } },
      { code: '750000000', routes: { totalCount: 1 }, walking: { totalCount: 1 }, qrCoverage: { monuments: 0, monumentsWithInstalledQr: 0, share: null } },
      { code: '310000000', routes: { totalCount: 0 }, walking: { totalCount: 0 }, qrCoverage: { monuments: 1, monumentsWithInstalledQr: 0, share: 0 } },
    ]);
  });
});
