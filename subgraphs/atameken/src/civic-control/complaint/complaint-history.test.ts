import { createHash } from 'node:crypto';
import { signEvidenceId } from '@rz/schema';
import { gql, startTestSubgraph, type TestSubgraph, testEnv, testToken } from '@rz/test-support';
import { atameken } from '../../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
});
afterAll(() => subgraph?.close());

const OFFICER = 'officer-with-a-name';
const officer = () => testToken({ subject: OFFICER, roles: ['akimat_officer'], territory: '750000000' });
const author = () => testToken({ subject: 'citizen-history', roles: ['citizen'] });
const HISTORY = `query($id: ID!) { complaint(id: $id) { history { to byRole officerName } } }`;

describe('who acted, in a complaint\'s history', () => {
  it('names the acting official to akimat officers of the territory and admins, never to the public or the author', async () => {
    const admin = await testToken({ subject: 'admin-history', roles: ['admin'] });
    const assigned = await gql(
      subgraph.url,
      `mutation($input: AssignAkimatOfficerInput!) { assignAkimatOfficer(input: $input) { id } }`,
      { input: { officerSubject: OFFICER, territory: '750000000', displayName: ' Айжан Сейтқали ' } },
      admin,
    );
    expect(assigned.errors).toBeUndefined();
    const filed = await gql(
      subgraph.url,
      `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } } }`,
      {
        input: {
          topic: 'TRANSPORT',
          text: 'Автобус номер 12 не ходит по вечерам уже месяц.',
          territory: '751710000',
          evidence: [signEvidenceId(testEnv().evidenceSecret, createHash('sha256').update('history-1').digest('hex'), 'photo')],
        },
      },
      await author(),
    );
    expect(filed.errors).toBeUndefined();
    const id = filed.data!.fileComplaint.complaint.id;
    expect((await gql(subgraph.url, `mutation($id: ID!) { changeComplaintStatus(id: $id, to: ACCEPTED) { status } }`, { id }, await officer())).errors).toBeUndefined();

    const staffView = [
      { to: 'SUBMITTED', byRole: 'CITIZEN', officerName: null },
      { to: 'ACCEPTED', byRole: 'AKIMAT_OFFICER', officerName: 'Айжан Сейтқали' },
    ];
    for (const token of [await officer(), admin, await testToken({ subject: 'colleague', roles: ['akimat_officer'], territory: '751710000' })]) {
      const res = await gql(subgraph.url, HISTORY, { id }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.complaint.history).toEqual(staffView);
    }
    const hidden = staffView.map((row) => ({ ...row, officerName: null }));
    for (const token of [undefined, await author(), await testToken({ subject: 'elsewhere', roles: ['akimat_officer'], territory: '610000000' })]) {
      const res = await gql(subgraph.url, HISTORY, { id }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.complaint.history).toEqual(hidden);
    }
  });
});
