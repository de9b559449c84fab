import { gql, outboxNotifications, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { atameken } from '../../subgraph';

let subgraph: TestSubgraph;
let volunteerId: string;
const VOLUNTEER = 'volunteer-reviewed-91b';
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
  const input = {
    helpKinds: ['TRANSPORT'],
    availableDays: ['SAT'],
    availableFrom: '09:00',
    availableTo: '18:00',
    territory: '751710000',
    hasCar: true,
    contact: { name: 'Асель Нурланова', phone: '+77010000001', email: 'asel@example.kz' },
  };
  const res = await gql(subgraph.url, `mutation($input: VolunteerProfileInput!) { registerVolunteer(input: $input) { id } }`, { input }, await testToken({ subject: VOLUNTEER, roles: ['volunteer'] }));
  expect(res.errors).toBeUndefined();
  volunteerId = res.data!.registerVolunteer.id;
});
afterAll(() => subgraph?.close());

const REVIEW = `mutation($input: ReviewVolunteerInput!) { reviewVolunteer(input: $input) { id positive } }`;
const review = async (subject: string, text = 'Помогла перевезти вещи, спасибо!') =>
  gql(subgraph.url, REVIEW, { input: { volunteer: volunteerId, positive: true, text } }, await testToken({ subject, roles: ['citizen'] }));

it('tells the volunteer of a review, once, without its text or its author', async () => {
  const res = await review('reviewer-1');
  expect(res.errors).toBeUndefined();
  const id = res.data!.reviewVolunteer.id;
  const notices = await outboxNotifications(subgraph, { kind: 'VOLUNTEER_REVIEWED' });
  expect(notices).toEqual([
    {
      dedupeKey: `volunteer-review:${id}`,
      recipientSubject: VOLUNTEER,
      kind: 'VOLUNTEER_REVIEWED',
      about: { type: 'Volunteer', id: volunteerId },
      params: { volunteerId, positive: true },
      language: null,
      occurredAt: expect.any(String),
    },
  ]);
  expect(JSON.stringify(notices)).not.toMatch(/спасибо|reviewer-1/);
});

it('a refused review writes nothing', async () => {
  const again = await review('reviewer-1', 'Ещё раз спасибо!');
  expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  const self = await gql(subgraph.url, REVIEW, { input: { volunteer: volunteerId, positive: true, text: 'Я молодец' } }, await testToken({ subject: VOLUNTEER, roles: ['volunteer'] }));
  expect(self.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect(await outboxNotifications(subgraph, { kind: 'VOLUNTEER_REVIEWED' })).toHaveLength(1);
});
