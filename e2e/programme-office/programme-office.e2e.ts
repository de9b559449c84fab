import { gql, startTestSystem, type TestSystem, testToken } from '@rz/test-support';

const ALMATY = '750000000';

/** The programme office through the gateway: the project register over the other subgraphs' entities. */
describe('programme office through the gateway', () => {
  let system: TestSystem;
  let office: string;
  beforeAll(async () => {
    system = await startTestSystem();
    office = await testToken({ subject: 'po-almaty', roles: ['project_office'], territory: ALMATY });
  }, 180_000);
  afterAll(() => system?.close());

  const ask = (query: string, variables: Record<string, unknown> = {}, token?: string) => gql(system.gatewayUrl, query, variables, token);

  it('links a project to demo events and initiatives, shows it on them, and derives its progress from their statuses', async () => {
    const found = await ask(`{
      events(first: 50) { nodes { id status } }
      initiatives(first: 50) { nodes { id status } }
    }`);
    expect(found.errors).toBeUndefined();
    // Some done and some not, so the share is neither 0 nor 1.
    const mix = (nodes: { id: string; status: string }[], done: string) => [
      ...nodes.filter((n) => n.status === done).slice(0, 2),
      ...nodes.filter((n) => n.status !== done).slice(0, 2),
    ];
    const events = mix(found.data!.events.nodes, 'COMPLETED');
    const initiatives = mix(found.data!.initiatives.nodes, 'IMPLEMENTED');

    const created = await ask(
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
      {
        input: {
          subprogramme: 'ATAMEKEN',
          baseProject: 'Atameken',
          title: 'Алматы: азаматтық бастамалар мен іс-шаралар',
          territory: ALMATY,
          startsOn: '2026-01-01',
          endsOn: '2026-12-31',
          goal: 'Қала тұрғындарының бастамаларын жүзеге асыру',
          measurableResult: 'Іске асқан бастамалар мен өткен іс-шаралар саны',
          links: [...events.map((e) => ({ kind: 'EVENT', id: e.id })), ...initiatives.map((i) => ({ kind: 'INITIATIVE', id: i.id }))],
        },
      },
      office,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createProject.id;

    const res = await ask(
      `query($id: ID!) { project(id: $id) {
        events { id status projects { id } }
        initiatives { id status }
        progress { linked done share byKind { kind linked done } }
      } }`,
      { id },
    );
    expect(res.errors).toBeUndefined();
    const project = res.data!.project;
    // The owners resolve the linked entities: statuses as the lists showed them, and the reverse field.
    expect(project.events.map((e: { id: string; status: string }) => [e.id, e.status]).sort()).toEqual(events.map((e) => [e.id, e.status]).sort());
    expect(project.events.every((e: { projects: { id: string }[] }) => e.projects.some((p) => p.id === id))).toBe(true);
    const eventsDone = events.filter((e) => e.status === 'COMPLETED').length;
    const initiativesDone = initiatives.filter((i) => i.status === 'IMPLEMENTED').length;
    const linked = events.length + initiatives.length;
    expect(eventsDone + initiativesDone).toBeGreaterThan(0);
    expect(eventsDone + initiativesDone).toBeLessThan(linked);
    expect(project.progress).toEqual({
      linked,
      done: eventsDone + initiativesDone,
      share: (eventsDone + initiativesDone) / linked,
      byKind: [
        ...(events.length ? [{ kind: 'EVENT', linked: events.length, done: eventsDone }] : []),
        ...(initiatives.length ? [{ kind: 'INITIATIVE', linked: initiatives.length, done: initiativesDone }] : []),
      ],
    });
  });
});
