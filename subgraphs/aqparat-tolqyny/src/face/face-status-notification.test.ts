import { kato } from '@rz/schema';
import { gql, outboxNotifications, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { aqparatTolqyny } from '../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(aqparatTolqyny);
});
afterAll(() => subgraph?.close());

const MERKE = '316200000';
const NOMINATOR = `officer-${MERKE}`;
const officer = () => testToken({ roles: ['akimat_officer'], territory: MERKE, subject: NOMINATOR });
const projectOffice = () => testToken({ roles: ['project_office'], territory: kato().region(MERKE).code, subject: 'office-zhambyl' });

async function ok(query: string, variables: Record<string, unknown>, token: string): Promise<any> {
  const res = await gql(subgraph.url, query, variables, token);
  expect(res.errors).toBeUndefined();
  return res.data;
}

const MOVE = `mutation($id: ID!, $to: FaceStatus!, $reason: String) { changeFaceStatus(id: $id, to: $to, reason: $reason) { status } }`;

async function nominate(name: string): Promise<string> {
  const input = { name, territory: MERKE, sphere: 'CULTURE', story: { kk: `${name}: ауыл мұражайын ашты.` }, nominatedBy: 'Аудан тұрғындарымен кездесу' };
  return (await ok(`mutation($input: NominateFaceInput!) { nominateFace(input: $input) { id } }`, { input }, await officer())).nominateFace.id;
}

/** An approved plan of the district with one item about the face; returns the item's id. */
async function approvedItemAbout(faceId: string): Promise<string> {
  const plan = (await ok(`mutation($input: CreateMediaPlanInput!) { createMediaPlan(input: $input) { id } }`, { input: { territory: MERKE, year: 2025, submissionDeadline: '2025-01-31' } }, await officer())).createMediaPlan.id;
  const input = { channel: 'ONLINE', outlet: 'Kazinform', level: 'REPUBLICAN', format: 'Сұхбат', plannedDate: '2025-09-10', language: 'KK', subjects: [{ kind: 'FACE', id: faceId }] };
  const item = (await ok(`mutation($planId: ID!, $input: AddMediaPlanItemInput!) { addMediaPlanItem(planId: $planId, input: $input) { id } }`, { planId: plan, input }, await officer())).addMediaPlanItem.id;
  await ok(`mutation($id: ID!) { submitMediaPlan(id: $id) { status } }`, { id: plan }, await officer());
  await ok(`mutation($id: ID!) { reviewMediaPlan(id: $id, approve: true) { status } }`, { id: plan }, await projectOffice());
  return item;
}

const notices = (id: string) => outboxNotifications(subgraph, { kind: 'FACE_STATUS_CHANGED', aboutId: id });

it('shortlisted, selected and featured each tell whoever entered the nomination, once', async () => {
  const id = await nominate('Ерболат Сарыбаев');
  expect(await notices(id)).toEqual([]);
  await ok(MOVE, { id, to: 'SHORTLISTED' }, await officer());
  await ok(MOVE, { id, to: 'SELECTED' }, await projectOffice());
  const item = await approvedItemAbout(id);
  await ok(
    `mutation($id: ID!, $input: PublishMediaItemInput!) { publishMediaItem(id: $id, input: $input) { id } }`,
    { id: item, input: { link: 'https://kazinform.kz/kk/100-zhana-esim', publishedOn: '2025-09-11', reach: 1000 } },
    await officer(),
  );
  const got = await notices(id);
  expect(got.map((n) => [n.recipientSubject, n.params])).toEqual([
    [NOMINATOR, { faceId: id, status: 'SHORTLISTED', name: 'Ерболат Сарыбаев', territoryCode: MERKE }],
    [NOMINATOR, { faceId: id, status: 'SELECTED', name: 'Ерболат Сарыбаев', territoryCode: MERKE }],
    [NOMINATOR, { faceId: id, status: 'FEATURED', name: 'Ерболат Сарыбаев', territoryCode: MERKE }],
  ]);
  expect(got[0]).toMatchObject({ kind: 'FACE_STATUS_CHANGED', about: { type: 'Face', id }, dedupeKey: expect.stringMatching(/^face-status:/) });
  expect(new Set(got.map((n) => n.dedupeKey)).size).toBe(3);
  expect(JSON.stringify(got)).not.toContain('мұражай');
});

it('a decline, or a refused step, writes nothing', async () => {
  const id = await nominate('Алия Нұрманова');
  const skip = await gql(subgraph.url, MOVE, { id, to: 'SELECTED' }, await projectOffice());
  expect(skip.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
  const noReason = await gql(subgraph.url, MOVE, { id, to: 'DECLINED' }, await officer());
  expect(noReason.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  await ok(MOVE, { id, to: 'DECLINED', reason: 'Отказалась от участия' }, await officer());
  expect(await notices(id)).toEqual([]);
});
