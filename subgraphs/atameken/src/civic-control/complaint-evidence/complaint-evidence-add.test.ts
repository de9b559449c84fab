import { createHash } from 'node:crypto';
import { signEvidenceId } from '@rz/schema';
import { gql, startTestSubgraph, type TestSubgraph, testEnv, testToken } from '@rz/test-support';
import { atameken } from '../../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
});
afterAll(() => subgraph?.close());

const AUTHOR = 'citizen-adds-evidence';
const author = () => testToken({ subject: AUTHOR, roles: ['citizen'] });
const officer = () => testToken({ subject: 'officer-evidence', roles: ['akimat_officer'], territory: '750000000' });
const evidence = (seed: string) => signEvidenceId(testEnv().evidenceSecret, createHash('sha256').update(seed).digest('hex'), 'photo');

const ADD = `mutation($id: ID!, $evidence: [ID!]!) { addComplaintEvidence(id: $id, evidence: $evidence) { id evidenceCount evidence { kind } } }`;

async function file(seed: string): Promise<string> {
  const res = await gql(
    subgraph.url,
    `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } } }`,
    { input: { topic: 'ECOLOGY', text: `Свалка мусора на берегу реки, ${seed}.`, territory: '751710000', evidence: [evidence(`${seed}-0`)] } },
    await author(),
  );
  expect(res.errors).toBeUndefined();
  return res.data!.fileComplaint.complaint.id;
}

describe('adding evidence to an open complaint', () => {
  it('lets the author add photos while the complaint is open, numbered after the first ones', async () => {
    const id = await file('open');
    const added = await gql(subgraph.url, ADD, { id, evidence: [evidence('open-1'), evidence('open-2')] }, await author());
    expect(added.errors).toBeUndefined();
    expect(added.data!.addComplaintEvidence).toMatchObject({ id, evidenceCount: 3 });
    expect(added.data!.addComplaintEvidence.evidence).toHaveLength(3);
    const rows = await subgraph.db.query(`SELECT position FROM complaint_evidence WHERE complaint_id = $1 ORDER BY position`, [id]);
    expect(rows.map((r: { position: number }) => r.position)).toEqual([0, 1, 2]);
    // Taken on by the akimat, still open.
    expect((await gql(subgraph.url, `mutation($id: ID!) { changeComplaintStatus(id: $id, to: ACCEPTED) { status } }`, { id }, await officer())).errors).toBeUndefined();
    expect((await gql(subgraph.url, ADD, { id, evidence: [evidence('open-3')] }, await author())).data!.addComplaintEvidence.evidenceCount).toBe(4);
  });

  it('refuses others, closed complaints, files already attached and more than ten in all', async () => {
    const id = await file('refused');
    const other = await gql(subgraph.url, ADD, { id, evidence: [evidence('refused-x')] }, await testToken({ subject: 'someone-else', roles: ['citizen'] }));
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(subgraph.url, ADD, { id, evidence: [evidence('refused-x')] }, await officer())).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(subgraph.url, ADD, { id, evidence: [evidence('refused-x')] })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const again = await gql(subgraph.url, ADD, { id, evidence: [evidence('refused-0')] }, await author());
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'evidence.0' });
    const forged = await gql(subgraph.url, ADD, { id, evidence: ['not-an-evidence-id'] }, await author());
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'evidence.0' });
    const tooMany = await gql(subgraph.url, ADD, { id, evidence: Array.from({ length: 10 }, (_, i) => evidence(`refused-many-${i}`)) }, await author());
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'evidence' });
    const token = await officer();
    for (const to of ['ACCEPTED', 'IN_PROGRESS', 'RESOLVED']) {
      expect((await gql(subgraph.url, `mutation($id: ID!, $to: ComplaintStatus!) { changeComplaintStatus(id: $id, to: $to) { status } }`, { id, to }, token)).errors).toBeUndefined();
    }
    const closed = await gql(subgraph.url, ADD, { id, evidence: [evidence('refused-late')] }, await author());
    expect(closed.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'COMPLAINT_CLOSED', status: 'RESOLVED' });
    const [{ n }] = await subgraph.db.query(`SELECT count(*)::int AS n FROM complaint_evidence WHERE complaint_id = $1`, [id]);
    expect(n).toBe(1);
  });
});
