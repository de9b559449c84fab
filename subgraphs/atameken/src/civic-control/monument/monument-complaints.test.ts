import { createHash } from 'node:crypto';
import { signEvidenceId } from '@rz/schema';
import { gql, startTestSubgraph, type TestSubgraph, testEnv, testToken } from '@rz/test-support';
import { atameken } from '../../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
});
afterAll(() => subgraph?.close());

const TURKISTAN = '611010000';
const YASAWI = '019b7a00-0000-7000-8000-000000000001';
const OTHER = '019b7a00-0000-7000-8000-000000000002';
const AUTHOR = 'author-subject-monument-9d1';

let n = 0;
async function file(monument: string | null): Promise<string> {
  const evidence = [signEvidenceId(testEnv().evidenceSecret, createHash('sha256').update(`monument-${n++}`).digest('hex'), 'photo')];
  const res = await gql(
    subgraph.url,
    `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } } }`,
    { input: { topic: 'MONUMENT_DAMAGE', text: 'На ограждении мавзолея сломана секция, рядом торговые палатки.', territory: TURKISTAN, monument, evidence } },
    await testToken({ subject: AUTHOR, roles: ['citizen'] }),
  );
  expect(res.errors).toBeUndefined();
  return res.data!.fileComplaint.complaint.id;
}

describe('Monument.complaints', () => {
  it('resolves Monument by key and lists its complaints with public fields and counts', async () => {
    const a = await file(YASAWI);
    const b = await file(YASAWI);
    await file(OTHER);
    await file(null);
    const officer = await testToken({ subject: 'officer-turkistan', roles: ['akimat_officer'], territory: TURKISTAN });
    await gql(subgraph.url, `mutation($id: ID!) { changeComplaintStatus(id: $id, to: REJECTED, comment: "Ограждение уже восстановлено.") { id } }`, { id: a }, officer);

    const res = await gql(
      subgraph.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Monument {
          id openComplaintCount
          complaints { totalCount nodes { id status text evidence { url } isMine } }
          open: complaints(filter: { status: SUBMITTED }) { totalCount }
      } } }`,
      { reps: [{ __typename: 'Monument', id: YASAWI }, { __typename: 'Monument', id: OTHER }, { __typename: 'Monument', id: '019b7a00-0000-7000-8000-00000000beef' }, { __typename: 'Monument', id: 'not-a-uuid' }] },
    );
    expect(res.errors).toBeUndefined();
    const [yasawi, other, none, malformed] = res.data!._entities;
    expect(yasawi).toMatchObject({ id: YASAWI, openComplaintCount: 1, complaints: { totalCount: 2 }, open: { totalCount: 1 } });
    expect(yasawi.complaints.nodes.map((c: any) => c.id)).toEqual([b, a]);
    expect(yasawi.complaints.nodes.every((c: any) => c.evidence.length === 0 && c.isMine === false)).toBe(true);
    expect(other).toMatchObject({ openComplaintCount: 1, complaints: { totalCount: 1 } });
    expect(none).toMatchObject({ openComplaintCount: 0, complaints: { totalCount: 0, nodes: [] } });
    expect(malformed).toMatchObject({ openComplaintCount: 0, complaints: { totalCount: 0, nodes: [] } });
    expect(JSON.stringify(res)).not.toContain(AUTHOR);
  });
});
