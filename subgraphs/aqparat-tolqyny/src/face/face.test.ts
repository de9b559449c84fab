import { stableId } from '@rz/subgraph-runtime';
import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { DEMO_FACES } from '../demo/faces.seed';
import { faceDemoId } from '../demo/media-plans.seed';
import { FaceStatus } from './face.enums';
import { aqparatTolqyny } from '../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(aqparatTolqyny, { seedDemo: true });
});
afterAll(() => subgraph?.close());

const ZHAMBYL = '310000000';
const MERKE = '315400000';
const SHU = '316600000';
const TURKISTAN = '610000000';

const officer = (territory = MERKE, subject = `officer-${territory}`) => testToken({ roles: ['akimat_officer'], territory, subject });
const projectOffice = (territory = ZHAMBYL) => testToken({ roles: ['project_office'], territory, subject: `office-${territory}` });
const ngo = () => testToken({ roles: ['ngo'], subject: 'ngo-account-7' });
const resident = (n: number) => testToken({ roles: ['citizen'], subject: `resident-${n}` });
const admin = () => testToken({ roles: ['admin'], subject: 'admin-1' });

const FACE_FIELDS = 'id name status sphere nominatedBy declineReason story(lang: RU) storyTexts { kk ru en } territory { code } supportCount supportedByMe';

const nomination = (overrides: Record<string, unknown> = {}) => ({
  name: '  Жанар Төлегенова ',
  territory: MERKE,
  sphere: 'EDUCATION',
  story: { kk: 'Мерке ауданында робототехника үйірмесін ашты.', ru: 'Открыла кружок робототехники в Меркенском районе.' },
  nominatedBy: ' Мерке ауданы тұрғындарымен кездесу ',
  ...overrides,
});

async function nominate(input: Record<string, unknown>, token: string) {
  return gql(subgraph.url, `mutation($input: NominateFaceInput!) { nominateFace(input: $input) { ${FACE_FIELDS} } }`, { input }, token);
}

async function move(id: string, to: string, token: string, reason?: string) {
  return gql(
    subgraph.url,
    `mutation($id: ID!, $to: FaceStatus!, $reason: String) { changeFaceStatus(id: $id, to: $to, reason: $reason) { ${FACE_FIELDS} } }`,
    { id, to, reason },
    token,
  );
}

async function support(id: string, token: string) {
  return gql(subgraph.url, `mutation($id: ID!) { supportFace(id: $id) { id supportCount supportedByMe } }`, { id }, token);
}

async function faceById(id: string, token?: string) {
  const res = await gql(subgraph.url, `query($id: ID!) { face(id: $id) { ${FACE_FIELDS} } }`, { id }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.face;
}

async function faceCount(): Promise<number> {
  return (await gql(subgraph.url, `{ faces { totalCount } }`)).data!.faces.totalCount;
}

async function freshFace(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await nominate(nomination(overrides), await officer(String(overrides.territory ?? MERKE)));
  expect(res.errors).toBeUndefined();
  return res.data!.nominateFace.id;
}

describe('face nomination', () => {
  it('nominates a face with a multilingual story and a public label, never exposing who entered it', async () => {
    const res = await nominate(nomination(), await officer());
    expect(res.errors).toBeUndefined();
    expect(res.data!.nominateFace).toMatchObject({
      name: 'Жанар Төлегенова',
      status: 'NOMINATED',
      sphere: 'EDUCATION',
      nominatedBy: 'Мерке ауданы тұрғындарымен кездесу',
      story: 'Открыла кружок робототехники в Меркенском районе.',
      storyTexts: { kk: 'Мерке ауданында робототехника үйірмесін ашты.', ru: 'Открыла кружок робототехники в Меркенском районе.', en: null },
      territory: { code: MERKE },
      supportCount: 0,
      declineReason: null,
    });
    // The Face type has no field that could carry the nominating account.
    const type = await gql(subgraph.url, `{ __type(name: "Face") { fields { name } } }`);
    const fields = type.data!.__type.fields.map((f: { name: string }) => f.name);
    expect(fields.some((f: string) => /subject|nominator|supporter/i.test(f))).toBe(false);
    const all = await gql(subgraph.url, `{ faces(first: 500) { nodes { ${FACE_FIELDS} nominatedAt statusChangedAt } } }`);
    expect(JSON.stringify(all)).not.toContain(`officer-${MERKE}`);
  });

  it('lets an NGO nominate anywhere, project offices and officers only in their scope', async () => {
    expect((await nominate(nomination({ territory: '615500000' }), await ngo())).errors).toBeUndefined();
    expect((await nominate(nomination({ territory: SHU }), await projectOffice())).errors).toBeUndefined();
    const before = await faceCount();
    for (const token of [await officer(SHU), await projectOffice(TURKISTAN), await resident(1)]) {
      const res = await nominate(nomination(), token);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await gql(subgraph.url, `mutation($input: NominateFaceInput!) { nominateFace(input: $input) { id } }`, { input: nomination() });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await faceCount()).toBe(before);
  });

  it('validates the nomination, naming the field and writing nothing', async () => {
    const token = await officer();
    const cases: [Record<string, unknown>, string][] = [
      [nomination({ name: '   ' }), 'input.name'],
      [nomination({ name: 'x'.repeat(201) }), 'input.name'],
      [nomination({ nominatedBy: ' ' }), 'input.nominatedBy'],
      [nomination({ story: { kk: '  ', ru: null } }), 'input.story'],
      [nomination({ story: { kk: 'x'.repeat(20001) } }), 'input.story.kk'],
      [nomination({ territory: '999999999' }), 'input.territory'],
      [nomination({ territory: '31' }), 'input.territory'],
    ];
    const before = await faceCount();
    for (const [input, field] of cases) {
      const res = await nominate(input, token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await faceCount()).toBe(before);
  });
});

describe('face lifecycle', () => {
  it('shortlists by the akimat of the territory, selects only by the regional project office', async () => {
    const id = await freshFace();
    // An officer of another district, and a project office of another region, may not touch it.
    expect((await move(id, 'SHORTLISTED', await officer(SHU))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await move(id, 'SHORTLISTED', await projectOffice(TURKISTAN))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await move(id, 'SHORTLISTED', await resident(1))).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const skip = await move(id, 'SELECTED', await projectOffice());
    expect(skip.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'NOMINATED', to: 'SELECTED' });
    // Selecting is never the district's step: refused as such, whatever the face's state.
    const officerSkip = await move(id, 'SELECTED', await officer());
    expect(officerSkip.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', from: 'NOMINATED', to: 'SELECTED' });

    const shortlisted = await move(id, 'SHORTLISTED', await officer());
    expect(shortlisted.errors).toBeUndefined();
    expect(shortlisted.data!.changeFaceStatus.status).toBe('SHORTLISTED');

    // The district shortlists; the selection towards the 100 is the region's.
    const byOfficer = await move(id, 'SELECTED', await officer());
    expect(byOfficer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', from: 'SHORTLISTED', to: 'SELECTED' });
    // A regional akimat officer is still not the project office.
    expect((await move(id, 'SELECTED', await officer(ZHAMBYL))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await faceById(id)).status).toBe('SHORTLISTED');

    const selected = await move(id, 'SELECTED', await projectOffice());
    expect(selected.errors).toBeUndefined();
    expect(selected.data!.changeFaceStatus.status).toBe('SELECTED');

    // FEATURED only follows publication; going back is not a step.
    const featured = await move(id, 'FEATURED', await admin());
    expect(featured.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'SELECTED', to: 'FEATURED' });
    const back = await move(id, 'SHORTLISTED', await projectOffice());
    expect(back.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'SELECTED', to: 'SHORTLISTED' });
    // Declining a selected face is the project office's call too.
    const declineByOfficer = await move(id, 'DECLINED', await officer(), 'Отказался');
    expect(declineByOfficer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', from: 'SELECTED', to: 'DECLINED' });
    expect((await faceById(id)).status).toBe('SELECTED');
  });

  it('declines with a reason only, and a declined face stays declined', async () => {
    const id = await freshFace();
    const noReason = await move(id, 'DECLINED', await officer(), '  ');
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const tooLong = await move(id, 'DECLINED', await officer(), 'x'.repeat(2001));
    expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await faceById(id)).status).toBe('NOMINATED');

    const declined = await move(id, 'DECLINED', await officer(), ' Постоянно в СМИ: нужны новые лица ');
    expect(declined.errors).toBeUndefined();
    expect(declined.data!.changeFaceStatus).toMatchObject({ status: 'DECLINED', declineReason: 'Постоянно в СМИ: нужны новые лица' });
    for (const to of ['NOMINATED', 'SHORTLISTED', 'SELECTED']) {
      const res = await move(id, to, await admin());
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'DECLINED', to });
    }
  });

  it('lets an admin take every manual step, and answers unknown faces with NOT_FOUND', async () => {
    const id = await freshFace();
    for (const to of ['SHORTLISTED', 'SELECTED', 'DECLINED']) {
      const res = await move(id, to, await admin(), 'Кандидат бас тартты');
      expect(res.errors).toBeUndefined();
      expect(res.data!.changeFaceStatus.status).toBe(to);
    }
    const missing = await move('00000000-0000-7000-8000-000000000000', 'SHORTLISTED', await admin());
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const malformed = await move('nope', 'SHORTLISTED', await admin());
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });
});

describe('face support and shortlist', () => {
  it('counts one support per resident and tells the resident they support it', async () => {
    const id = await freshFace({ territory: SHU });
    const first = await support(id, await resident(1));
    expect(first.errors).toBeUndefined();
    expect(first.data!.supportFace).toEqual({ id, supportCount: 1, supportedByMe: true });
    const again = await support(id, await resident(1));
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect((await support(id, await resident(2))).data!.supportFace.supportCount).toBe(2);
    expect(await faceById(id, await resident(3))).toMatchObject({ supportCount: 2, supportedByMe: false });
    expect(await faceById(id)).toMatchObject({ supportCount: 2, supportedByMe: false });

    const withdrawn = await gql(subgraph.url, `mutation($id: ID!) { withdrawFaceSupport(id: $id) { supportCount supportedByMe } }`, { id }, await resident(2));
    expect(withdrawn.data!.withdrawFaceSupport).toEqual({ supportCount: 1, supportedByMe: false });
    const twice = await gql(subgraph.url, `mutation($id: ID!) { withdrawFaceSupport(id: $id) { id } }`, { id }, await resident(2));
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });

    const anonymous = await gql(subgraph.url, `mutation($id: ID!) { supportFace(id: $id) { id } }`, { id });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('closes support once a face is selected or declined', async () => {
    const id = await freshFace({ territory: SHU });
    await move(id, 'SHORTLISTED', await officer(SHU));
    expect((await support(id, await resident(1))).errors).toBeUndefined();
    await move(id, 'SELECTED', await projectOffice());
    const late = await support(id, await resident(2));
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', field: 'id', from: 'SELECTED' });
    expect((await faceById(id)).supportCount).toBe(1);
  });

  it('supports under concurrency count each person once', async () => {
    const id = await freshFace({ territory: SHU });
    const tokens = await Promise.all([1, 2, 3, 4, 5].map((n) => resident(n)));
    const results = await Promise.all([...tokens, ...tokens].map((token) => support(id, token)));
    expect(results.filter((r) => !r.errors).length).toBe(5);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT').length).toBe(5);
    expect((await faceById(id)).supportCount).toBe(5);
  });

  it('ranks nominations by support, ties going to the earlier nomination', async () => {
    // A district with no demo faces: the ranking is exactly the faces made here.
    const territory = '314200000';
    const ids: string[] = [];
    for (const name of ['Бірінші', 'Екінші', 'Үшінші', 'Төртінші']) ids.push(await freshFace({ territory, name }));
    const [a, b, c, d] = ids;
    const supporters = async (id: string, count: number) => {
      for (let n = 1; n <= count; n += 1) expect((await support(id, await resident(100 + n))).errors).toBeUndefined();
    };
    await supporters(a, 1);
    await supporters(b, 3);
    await supporters(c, 1);
    await supporters(d, 3);
    // A shortlisted face stays in the ranking; a declined one leaves it.
    await move(c, 'SHORTLISTED', await officer(territory));
    const declined = await freshFace({ territory, name: 'Бесінші' });
    await supporters(declined, 9);
    await move(declined, 'DECLINED', await officer(territory), 'Басқа аймақта тұрады');

    const query = `query($territory: ID!, $status: FaceStatus, $first: Int) {
      faceShortlist(territory: $territory, status: $status, first: $first) { rank supportCount face { id name status supportCount } }
    }`;
    const res = await gql(subgraph.url, query, { territory });
    expect(res.errors).toBeUndefined();
    expect(res.data!.faceShortlist.map((e: any) => [e.rank, e.face.id, e.supportCount, e.face.supportCount])).toEqual([
      [1, b, 3, 3],
      [2, d, 3, 3],
      [3, a, 1, 1],
      [4, c, 1, 1],
    ]);
    const top = await gql(subgraph.url, query, { territory, first: 1 });
    expect(top.data!.faceShortlist.map((e: any) => e.face.id)).toEqual([b]);
    const shortlistedOnly = await gql(subgraph.url, query, { territory, status: 'SHORTLISTED' });
    expect(shortlistedOnly.data!.faceShortlist.map((e: any) => [e.rank, e.face.id])).toEqual([[1, c]]);
    // The region's ranking includes the district's.
    const region = await gql(subgraph.url, query, { territory: ZHAMBYL, first: 500 });
    expect(region.data!.faceShortlist.map((e: any) => e.face.id)).toEqual(expect.arrayContaining([a, b, c, d]));

    const selected = await gql(subgraph.url, query, { territory, status: 'SELECTED' });
    expect(selected.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    const unknown = await gql(subgraph.url, query, { territory: '999999999' });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'territory' });
  });

  it('ranks the demo nominations of Almaty with the tie broken by the earlier nomination', async () => {
    const res = await gql(subgraph.url, `{ faceShortlist(territory: "750000000") { rank supportCount face { id } } }`);
    expect(res.data!.faceShortlist).toEqual([
      { rank: 1, supportCount: 5, face: { id: faceDemoId('almaty-librarian') } },
      { rank: 2, supportCount: 5, face: { id: faceDemoId('almaty-coach') } },
    ]);
  });
});

describe('face visibility', () => {
  const ALMATY = '750000000';

  it('shows a declined face, with its reason, only to those who handle the nominations of its territory', async () => {
    const demoDeclined = DEMO_FACES.find((f) => f.status === FaceStatus.DECLINED && f.territoryCode.startsWith('75'))!;
    const id = faceDemoId(demoDeclined.key);
    const editor = (subprogramme: string) => testToken({ roles: ['ministry_editor'], subprogramme });
    const seen = async (token?: string) => {
      const res = await gql(
        subgraph.url,
        `query($id: ID!, $reps: [_Any!]!) {
          face(id: $id) { id declineReason }
          faces(filter: { territory: "${ALMATY}" }, first: 100) { totalCount nodes { id status } }
          _entities(representations: $reps) { ... on Face { id } }
        }`,
        { id, reps: [{ __typename: 'Face', id }] },
        token,
      );
      expect(res.errors).toBeUndefined();
      const listed = res.data!.faces.nodes.map((n: { id: string }) => n.id);
      expect(res.data!.faces.totalCount).toBe(listed.length);
      return [!!res.data!.face, listed.includes(id), !!res.data!._entities[0], res.data!.face?.declineReason ?? null];
    };
    const hidden = [false, false, false, null];
    const shown = [true, true, true, demoDeclined.declineReason];
    for (const token of [undefined, await resident(1), await ngo(), await editor('atameken'), await officer(ZHAMBYL), await projectOffice(TURKISTAN)]) {
      expect(await seen(token)).toEqual(hidden);
    }
    // The declined face is in a district of Almaty: the city's officers, the district's own and the city's project office see it.
    for (const token of [await officer(ALMATY), await officer(demoDeclined.territoryCode), await projectOffice(ALMATY), await editor('aqparat-tolqyny'), await admin()]) {
      expect(await seen(token)).toEqual(shown);
    }
    // Another district of the city does not.
    expect(await seen(await officer('751710000'))).toEqual(hidden);
  });

  it('keeps nominations still in the project public, and never lists who supports them', async () => {
    const res = await gql(subgraph.url, `{ faces(filter: { territory: "${ALMATY}" }, first: 100) { nodes { status } } }`);
    expect(res.data!.faces.nodes.map((n: { status: string }) => n.status).sort()).toEqual(['NOMINATED', 'SELECTED', 'SHORTLISTED']);
  });
});

describe('face queries', () => {
  it('holds demo faces in several regions in every status', async () => {
    const res = await gql(subgraph.url, `{ faces(first: 500) { nodes { id status territory { region { code } } } } }`, {}, await admin());
    const demo = res.data!.faces.nodes.filter((n: { id: string }) => DEMO_FACES.some((f) => faceDemoId(f.key) === n.id));
    expect(demo).toHaveLength(DEMO_FACES.length);
    expect([...new Set(demo.map((n: any) => n.status))].sort()).toEqual(['DECLINED', 'FEATURED', 'NOMINATED', 'SELECTED', 'SHORTLISTED']);
    expect(new Set(demo.map((n: any) => n.territory.region.code)).size).toBeGreaterThanOrEqual(4);
  });

  it('filters by territory with its subtree, status and sphere, and adds faces to Territory', async () => {
    const almaty = await gql(subgraph.url, `{ faces(filter: { territory: "750000000" }, first: 100) { totalCount nodes { id territory { region { code } } } } }`, {}, await admin());
    expect(almaty.data!.faces.totalCount).toBe(4);
    const selected = await gql(subgraph.url, `{ faces(filter: { territory: "750000000", status: SELECTED }) { nodes { id } } }`);
    expect(selected.data!.faces.nodes).toEqual([{ id: faceDemoId('almaty-nurse') }]);
    const sport = await gql(subgraph.url, `{ faces(filter: { territory: "790000000", sphere: SPORT }) { nodes { id } } }`);
    expect(sport.data!.faces.nodes).toEqual([{ id: faceDemoId('shymkent-champion') }]);

    const entities = await gql(
      subgraph.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Territory { code faces(filter: { status: FEATURED }) { totalCount nodes { id } } } } }`,
      { reps: [{ __typename: 'Territory', code: TURKISTAN }, { __typename: 'Territory', code: '750000000' }] },
    );
    expect(entities.errors).toBeUndefined();
    expect(entities.data!._entities).toEqual([
      { code: TURKISTAN, faces: { totalCount: 1, nodes: [{ id: faceDemoId('turkistan-restorer') }] } },
      { code: '750000000', faces: { totalCount: 0, nodes: [] } },
    ]);
    const unknown = await gql(subgraph.url, `{ faces(filter: { territory: "999999999" }) { totalCount } }`);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.territory' });
  });

  it('resolves Face entities by key and answers unknown ids with null', async () => {
    const res = await gql(
      subgraph.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Face { id name status } } }`,
      { reps: [{ __typename: 'Face', id: faceDemoId('shymkent-doctor') }, { __typename: 'Face', id: stableId('face:nobody') }] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([{ id: faceDemoId('shymkent-doctor'), name: 'Сәуле Жұмабаева', status: 'FEATURED' }, null]);
    const direct = await gql(subgraph.url, `{ a: face(id: "nope") { id } b: face(id: "${stableId('face:nobody')}") { id } }`);
    expect(direct.data).toEqual({ a: null, b: null });
  });
});
