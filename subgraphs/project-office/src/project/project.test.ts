import { stableId } from '@rz/subgraph-runtime';
import { gql, startTestSubgraph, testToken, type TestSubgraph } from '@rz/test-support';
import { projectOffice } from '../subgraph';

const ALMATY = '750000000';
const ALMALY_DISTRICT = '751110000';
const ASTANA = '710000000';
const EVENT = stableId('test:event:1');
const MONUMENT = stableId('test:monument:1');

let subgraph: TestSubgraph;
let office: string;
let officer: string;
let astanaOffice: string;
let editor: string;
beforeAll(async () => {
  subgraph = await startTestSubgraph(projectOffice);
  office = await testToken({ subject: 'po-almaty', roles: ['project_office'], territory: ALMATY });
  officer = await testToken({ subject: 'akimat-almaly', roles: ['akimat_officer'], territory: ALMALY_DISTRICT });
  astanaOffice = await testToken({ subject: 'po-astana', roles: ['project_office'], territory: ASTANA });
  editor = await testToken({ subject: 'editor-rq', roles: ['ministry_editor'], subprogramme: 'rukhani-qazyna' });
});
afterAll(() => subgraph?.close());

const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) {
  id subprogramme baseProject title status startsOn endsOn goal measurableResult territory { code }
  budget { source amount } budgetTotal members { role personName position } events { id } monuments { id }
} }`;
const input = (over: Record<string, unknown> = {}) => ({
  subprogramme: 'TARBIE_BILIM',
  baseProject: 'Olketanu',
  title: 'Алмалы ауданының өлкетану экспедициясы',
  territory: ALMALY_DISTRICT,
  startsOn: '2026-09-01',
  endsOn: '2027-05-31',
  goal: 'Мектеп өлкетану үйірмелері аудан тарихын зерттейді',
  measurableResult: '12 үйірме, 300 оқушы, 40 жаңа музей экспонаты',
  budget: [
    { source: 'LOCAL', amount: 4_500_000 },
    { source: 'SPONSOR', amount: 1_000_000 },
  ],
  members: [
    { role: 'CURATOR', personName: 'Серік Ахметов', position: 'Алмалы ауданы әкімінің орынбасары' },
    { role: 'PROJECT_MANAGER', personName: 'Айгүл Омарова' },
  ],
  links: [
    { kind: 'EVENT', id: EVENT },
    { kind: 'EVENT', id: EVENT.toUpperCase() },
    { kind: 'MONUMENT', id: MONUMENT },
  ],
  ...over,
});

async function create(token: string, over: Record<string, unknown> = {}) {
  return gql(subgraph.url, CREATE, { input: input(over) }, token);
}

describe('project register', () => {
  it('lets the region\'s project office register a project with budget, roles and links', async () => {
    const res = await create(office);
    expect(res.errors).toBeUndefined();
    expect(res.data!.createProject).toMatchObject({
      subprogramme: 'TARBIE_BILIM',
      baseProject: 'Olketanu',
      status: 'PLANNED',
      territory: { code: ALMALY_DISTRICT },
      budget: [
        { source: 'LOCAL', amount: 4_500_000 },
        { source: 'SPONSOR', amount: 1_000_000 },
      ],
      budgetTotal: 5_500_000,
      events: [{ id: EVENT }],
      monuments: [{ id: MONUMENT }],
    });
    expect(res.data!.createProject.members.map((m: { role: string }) => m.role).sort()).toEqual(['CURATOR', 'PROJECT_MANAGER']);
  });

  it('lets the district\'s officer and the subprogramme\'s editor register, and no one else', async () => {
    expect((await create(officer)).errors).toBeUndefined();
    expect((await create(editor, { subprogramme: 'RUKHANI_QAZYNA', baseProject: 'Sacred geography of Kazakhstan' })).errors).toBeUndefined();
    const outside = await create(astanaOffice);
    expect(outside.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const wrongSubprogramme = await create(editor);
    expect(wrongSubprogramme.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const citizen = await create(await testToken({ subject: 'c1', roles: ['citizen'], territory: ALMATY }));
    expect(citizen.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(subgraph.url, CREATE, { input: input() })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('rejects a bad territory, reversed dates and two lines of one source', async () => {
    const bad = await create(office, { territory: '123' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const reversed = await create(office, { startsOn: '2027-01-01', endsOn: '2026-01-01' });
    expect(reversed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endsOn' });
    const twice = await create(office, { budget: [{ source: 'LOCAL', amount: 1 }, { source: 'LOCAL', amount: 2 }] });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.budget' });
  });

  it('moves the status only along PLANNED -> ACTIVE -> COMPLETED or to CANCELLED', async () => {
    const id = (await create(office)).data!.createProject.id;
    const move = (status: string, token = office) =>
      gql(subgraph.url, `mutation($id: ID!, $status: ProjectStatus!) { changeProjectStatus(id: $id, status: $status) { status } }`, { id, status }, token);
    expect((await move('COMPLETED')).errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'PLANNED', to: 'COMPLETED' });
    expect((await move('ACTIVE', astanaOffice)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await move('ACTIVE')).data!.changeProjectStatus.status).toBe('ACTIVE');
    expect((await move('PLANNED')).errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
    expect((await move('COMPLETED', officer)).data!.changeProjectStatus.status).toBe('COMPLETED');
    expect((await move('CANCELLED')).errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
  });

  it('lists the register by territory subtree, subprogramme and status, to anyone', async () => {
    const list = (filter: Record<string, unknown>) =>
      gql(subgraph.url, `query($filter: ProjectFilter) { projects(filter: $filter, first: 100) { totalCount nodes { territory { code } subprogramme } } }`, { filter });
    const almaty = (await list({ territory: ALMATY })).data!.projects;
    expect(almaty.totalCount).toBeGreaterThanOrEqual(4);
    expect(almaty.nodes.every((n: { territory: { code: string } }) => n.territory.code.startsWith('75'))).toBe(true);
    expect((await list({ territory: ASTANA })).data!.projects.totalCount).toBe(0);
    const rq = (await list({ subprogramme: 'RUKHANI_QAZYNA' })).data!.projects;
    expect(rq.totalCount).toBe(1);
    expect((await list({ status: 'COMPLETED' })).data!.projects.totalCount).toBe(1);
  });

  it('shows the projects of linked entities on their stubs, and links and unlinks', async () => {
    const id = (await create(office, { links: [] })).data!.createProject.id;
    const relink = await gql(
      subgraph.url,
      `mutation($id: ID!, $add: [ProjectLinkInput!]!, $remove: [ProjectLinkInput!]!) { linkProject(id: $id, add: $add, remove: $remove) { events { id } faces { id } } }`,
      { id, add: [{ kind: 'EVENT', id: EVENT }, { kind: 'FACE', id: MONUMENT }], remove: [{ kind: 'FACE', id: MONUMENT }] },
      office,
    );
    expect(relink.errors).toBeUndefined();
    expect(relink.data!.linkProject).toEqual({ events: [{ id: EVENT }], faces: [] });

    const res = await gql(
      subgraph.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Event { id projects { id } } ... on Monument { id projects { id } } ... on Face { id projects { id } } } }`,
      { reps: [{ __typename: 'Event', id: EVENT }, { __typename: 'Monument', id: MONUMENT }, { __typename: 'Face', id: MONUMENT }, { __typename: 'Event', id: 'not-a-uuid' }] },
    );
    expect(res.errors).toBeUndefined();
    const [event, monument, face, malformed] = res.data!._entities;
    // Every project above but the two created without the fixture links covers the event.
    expect(event.projects.map((p: { id: string }) => p.id)).toContain(id);
    expect(event.projects.length).toBeGreaterThanOrEqual(5);
    expect(monument.projects.length).toBe(event.projects.length - 1);
    expect(face.projects).toEqual([]);
    expect(malformed.projects).toEqual([]);
  });
});
