import { ALMATY, unique, VIEWERS, type ProbeSet } from '../role-table.probe';

const CREATE_MONUMENT = `mutation($input: CreateMonumentInput!) { createMonument(input: $input) { id } }`;
const ADD_PHOTO = `mutation($id: ID!, $input: AddMonumentPhotoInput!) { addMonumentPhoto(monumentId: $id, input: $input) { id } }`;
const ISSUE_QR = `mutation($id: ID!) { issueQrCode(monumentId: $id) { id code } }`;
const INSTALL_QR = `mutation($id: ID!, $input: MarkQrCodeInstalledInput!) { markQrCodeInstalled(id: $id, input: $input) { id } }`;
const CREATE_ROUTE = `mutation($input: CreateTourismRouteInput!) { createTourismRoute(input: $input) { id stops { id } } }`;
const PUBLISH_ROUTE = `mutation($id: ID!) { publishTourismRoute(id: $id) { id } }`;

const monumentInput = () => ({
  name: { kk: `Ескерткіш ${unique()}` },
  type: 'MONUMENTAL_ART',
  significance: 'LOCAL',
  territory: ALMATY,
  location: { lat: 43.2587, lon: 76.9537 },
});
const photoInput = () => ({ url: `https://example.kz/rukhani/${unique()}.jpg`, credit: 'Алматы қаласының мәдениет басқармасы' });
const installInput = { placedOn: '2024-05-01', installedBy: 'Алматы қаласының мәдениет басқармасы' };
/** Two stops in Almaty: the fixture monument and a named point. */
const routeStops = (monumentId: string) => [
  { monumentId },
  { name: { kk: 'Көк базар' }, location: { lat: 43.2636, lon: 76.9549 }, territory: ALMATY },
];
const routeInput = (monumentId: string) => ({ name: { kk: `Алматы маршруты ${unique()}` }, type: 'WALKING', territory: ALMATY, stops: routeStops(monumentId) });

/** Every viewer calls every probe twice (gateway, then subgraph): a removal needs a fresh photo per call. */
const CALLS_PER_ROW = VIEWERS.length * 2;
let photoRemovals = 0;

export const rukhaniQazynaProbes: ProbeSet = {
  subgraph: 'rukhani-qazyna',
  async fixtures({ must }) {
    // A monument of Almaty city of its own, so the probes never touch demo data.
    const monumentId = (await must(CREATE_MONUMENT, { input: monumentInput() })).createMonument.id;
    const doomedPhotos: string[] = [];
    for (let i = 0; i < CALLS_PER_ROW; i += 1) doomedPhotos.push((await must(ADD_PHOTO, { id: monumentId, input: photoInput() })).addMonumentPhoto.id);

    // ISSUED: the first allowed caller installs it, the rest meet INVALID_TRANSITION.
    const installQrId = (await must(ISSUE_QR, { id: monumentId })).issueQrCode.id;
    // INSTALLED: the first allowed caller removes it, the rest meet INVALID_TRANSITION.
    const removeQrId = (await must(ISSUE_QR, { id: monumentId })).issueQrCode.id;
    await must(INSTALL_QR, { id: removeQrId, input: installInput });
    // ISSUED and never touched: seen only by those who place codes on this monument.
    const hidden = (await must(ISSUE_QR, { id: monumentId })).issueQrCode;

    // A draft that stays a draft: edited idempotently, and read by the draft probes.
    const draftRouteId = (await must(CREATE_ROUTE, { input: routeInput(monumentId) })).createTourismRoute.id;
    const reorder = (await must(CREATE_ROUTE, { input: routeInput(monumentId) })).createTourismRoute;
    // DRAFT: the first allowed caller publishes it, the rest meet INVALID_TRANSITION.
    const publishRouteId = (await must(CREATE_ROUTE, { input: routeInput(monumentId) })).createTourismRoute.id;
    // PUBLISHED: the first allowed caller unpublishes it, the rest meet INVALID_TRANSITION.
    const unpublishRouteId = (await must(CREATE_ROUTE, { input: routeInput(monumentId) })).createTourismRoute.id;
    await must(PUBLISH_ROUTE, { id: unpublishRouteId });

    return {
      monumentId,
      doomedPhotoIds: doomedPhotos.join(','),
      installQrId,
      removeQrId,
      hiddenQrId: hidden.id,
      hiddenQrCode: hidden.code,
      draftRouteId,
      reorderRouteId: reorder.id,
      reorderStopIds: reorder.stops.map((s: { id: string }) => s.id).join(','),
      publishRouteId,
      unpublishRouteId,
    };
  },
  probes: {
    createMonument: {
      document: CREATE_MONUMENT,
      variables: () => ({ input: monumentInput() }),
    },
    updateMonument: {
      document: `mutation($id: ID!, $input: UpdateMonumentInput!) { updateMonument(id: $id, input: $input) { id } }`,
      variables: (f) => ({ id: f.monumentId, input: { significance: 'LOCAL' } }),
    },
    assessMonumentCondition: {
      document: `mutation($id: ID!, $input: AssessMonumentConditionInput!) { assessMonumentCondition(monumentId: $id, input: $input) { id } }`,
      variables: (f) => ({ id: f.monumentId, input: { condition: 'GOOD', assessedOn: '2024-05-01', assessedBy: 'Алматы қаласының мәдениет басқармасы' } }),
    },
    addMonumentPhoto: {
      document: ADD_PHOTO,
      variables: (f) => ({ id: f.monumentId, input: photoInput() }),
    },
    removeMonumentPhoto: {
      document: `mutation($id: ID!) { removeMonumentPhoto(id: $id) }`,
      variables: (f) => ({ id: f.doomedPhotoIds.split(',')[photoRemovals++ % CALLS_PER_ROW] }),
    },
    issueQrCode: {
      document: ISSUE_QR,
      variables: (f) => ({ id: f.monumentId }),
    },
    markQrCodeInstalled: {
      document: INSTALL_QR,
      variables: (f) => ({ id: f.installQrId, input: installInput }),
    },
    markQrCodeRemoved: {
      document: `mutation($id: ID!) { markQrCodeRemoved(id: $id) { id } }`,
      variables: (f) => ({ id: f.removeQrId }),
    },
    createTourismRoute: {
      document: `mutation($input: CreateTourismRouteInput!) { createTourismRoute(input: $input) { id } }`,
      variables: () => ({ input: { name: { kk: `Алматы маршруты ${unique()}` }, type: 'FAMILY', territory: ALMATY } }),
    },
    updateTourismRoute: {
      document: `mutation($id: ID!, $input: UpdateTourismRouteInput!) { updateTourismRoute(id: $id, input: $input) { id } }`,
      variables: (f) => ({ id: f.draftRouteId, input: { durationHours: 3 } }),
    },
    setTourismRouteStops: {
      // The same two stops every time: the route stays as the fixture made it.
      document: `mutation($id: ID!, $stops: [TourismRouteStopInput!]!) { setTourismRouteStops(id: $id, stops: $stops) { id } }`,
      variables: (f) => ({ id: f.draftRouteId, stops: routeStops(f.monumentId) }),
    },
    reorderTourismRouteStops: {
      // The current order: nothing moves.
      document: `mutation($id: ID!, $stopIds: [ID!]!) { reorderTourismRouteStops(id: $id, stopIds: $stopIds) { id } }`,
      variables: (f) => ({ id: f.reorderRouteId, stopIds: f.reorderStopIds.split(',') }),
    },
    publishTourismRoute: {
      document: PUBLISH_ROUTE,
      variables: (f) => ({ id: f.publishRouteId }),
    },
    unpublishTourismRoute: {
      document: `mutation($id: ID!) { unpublishTourismRoute(id: $id) { id } }`,
      variables: (f) => ({ id: f.unpublishRouteId }),
    },
    tourismRouteDraft: {
      document: `query($id: ID!) { tourismRoute(id: $id) { id status stops { id } } }`,
      variables: (f) => ({ id: f.draftRouteId }),
      shows: (r) => !!(r.data as any)?.tourismRoute,
    },
    tourismRoutesDraft: {
      document: `query($territory: ID!) { tourismRoutes(filter: { territory: $territory, status: DRAFT }, first: 100) { totalCount nodes { id } } }`,
      variables: () => ({ territory: ALMATY }),
      // Every allowed viewer sees at least the fixture's draft of Almaty; the others see no draft at all.
      shows: (r) => ((r.data as any)?.tourismRoutes?.nodes ?? []).length > 0,
    },
    qrCodeIssued: {
      document: `query($code: String!) { qrCode(code: $code) { id status url } }`,
      variables: (f) => ({ code: f.hiddenQrCode }),
      shows: (r) => !!(r.data as any)?.qrCode,
    },
    monumentQrCodesIssued: {
      document: `query($id: ID!) { monument(id: $id) { id qrCodes { id status } } }`,
      variables: (f) => ({ id: f.monumentId }),
      // Installed and removed codes are public; the question is whether the issued ones are listed.
      shows: (r) => ((r.data as any)?.monument?.qrCodes ?? []).some((q: { status: string }) => q.status === 'ISSUED'),
    },
  },
};
