import { randomUUID } from 'node:crypto';
import { gql, startTestSystem, testToken, type TestSystem } from '@rz/test-support';

const NUL = 'a\u0000b';

/**
 * The one text-input rule through the gateway: a NUL byte (which PostgreSQL cannot
 * store) or another control character anywhere in the graph is BAD_USER_INPUT naming
 * the field, never INTERNAL_SERVER_ERROR.
 */
describe('text input through the gateway', () => {
  let system: TestSystem;
  let officer: string;
  let citizen: string;
  let editor: string;

  beforeAll(async () => {
    system = await startTestSystem({ seedDemo: false });
    officer = await testToken({ roles: ['akimat_officer'], territory: '750000000', subject: 'officer-text' });
    citizen = await testToken({ roles: ['citizen'], subject: 'citizen-text' });
    editor = await testToken({ roles: ['ministry_editor'], subprogramme: 'tarbie-bilim', subject: 'editor-text' });
  }, 180_000);
  afterAll(() => system?.close());

  const cases: { name: string; field: string; run: () => Promise<Awaited<ReturnType<typeof gql>>> }[] = [
    {
      name: 'a monument search',
      field: 'filter.search',
      run: () => gql(system.gatewayUrl, 'query($s: String) { monuments(filter: { search: $s }) { totalCount } }', { s: NUL }),
    },
    {
      name: 'a complaint comment',
      field: 'comment',
      run: () =>
        gql(
          system.gatewayUrl,
          'mutation($id: ID!, $c: String) { changeComplaintStatus(id: $id, to: REJECTED, comment: $c) { id } }',
          { id: randomUUID(), c: NUL },
          officer,
        ),
    },
    {
      name: 'an event title',
      field: 'input.title.kk',
      run: () =>
        gql(
          system.gatewayUrl,
          'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
          {
            input: {
              kind: 'EXCURSION',
              baseProject: 'OLKETANU',
              title: { kk: NUL, ru: 'Экскурсия' },
              startsAt: '2031-05-01T05:00:00Z',
              endsAt: '2031-05-01T09:00:00Z',
              territory: '750000000',
              organiser: 'Школа №1',
            },
          },
          editor,
        ),
    },
    {
      name: 'a face name',
      field: 'input.name',
      run: () =>
        gql(
          system.gatewayUrl,
          'mutation($input: NominateFaceInput!) { nominateFace(input: $input) { id } }',
          { input: { name: NUL, territory: '751710000', sphere: 'CULTURE', story: { kk: 'Әнші' }, nominatedBy: 'Медеу ауданы тұрғындарымен кездесу' } },
          officer,
        ),
    },
    {
      name: 'a volunteer review',
      field: 'input.text',
      run: () =>
        gql(
          system.gatewayUrl,
          'mutation($input: ReviewVolunteerInput!) { reviewVolunteer(input: $input) { id } }',
          { input: { volunteer: randomUUID(), positive: true, text: NUL } },
          citizen,
        ),
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('refuses a NUL byte in %s as BAD_USER_INPUT naming the field', async (_name, { field, run }) => {
    const res = await run();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.errors?.[0].message).toMatch(/control characters \(U\+0000\)/);
  });

  it('refuses a name made only of direction marks, and a line break in a face name', async () => {
    for (const name of ['\u202e\u200f', 'Абай\nКунанбаев']) {
      const res = await gql(
        system.gatewayUrl,
        'mutation($input: NominateFaceInput!) { nominateFace(input: $input) { id } }',
        { input: { name, territory: '751710000', sphere: 'CULTURE', story: { kk: 'Әнші' }, nominatedBy: 'Медеу ауданы' } },
        officer,
      );
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    }
  });
});
