import { createHash } from 'node:crypto';
import { signEvidenceId } from '@rz/schema';
import { gql, startTestSubgraph, type TestSubgraph, testEnv, testToken } from '@rz/test-support';
import { atameken } from '../../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
});
afterAll(() => subgraph?.close());

// Zhambyl region > Merke district > a rural district > a village; Taraz is another district of the region.
const ZHAMBYL = '310000000';
const MERKE = '315400000';
const TARAZ = '311010000';
const ALMATY = '750000000';

const admin = () => testToken({ subject: 'admin-routing', roles: ['admin'] });
const citizen = () => testToken({ subject: 'citizen-routing', roles: ['citizen'] });

let n = 0;
async function fileIn(territory: string): Promise<any> {
  const evidence = [signEvidenceId(testEnv().evidenceSecret, createHash('sha256').update(`routing-${n++}`).digest('hex'), 'photo')];
  const res = await gql(
    subgraph.url,
    `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id responsibleTerritory { code } territory { code } } } }`,
    { input: { topic: 'ROADS', text: 'Разбита дорога между сёлами, после дождя не проехать.', territory, evidence } },
    await citizen(),
  );
  expect(res.errors).toBeUndefined();
  return res.data!.fileComplaint.complaint;
}

const ASSIGN = `mutation($input: AssignAkimatOfficerInput!) { assignAkimatOfficer(input: $input) { id officerSubject territory { code } } }`;
const REMOVE = `mutation($id: ID!) { removeAkimatOfficer(id: $id) { id } }`;

async function assign(officerSubject: string, territory: string) {
  const res = await gql(subgraph.url, ASSIGN, { input: { officerSubject, territory } }, await admin());
  expect(res.errors).toBeUndefined();
  return res.data!.assignAkimatOfficer;
}

/** A settlement somewhere below Merke district, found through the graph's own classifier. */
async function merkeVillage(): Promise<string> {
  const res = await gql(subgraph.url, `{ territory(code: "${MERKE}") { children { code level children { code level } } } }`);
  const settlement = res.data!.territory.children.flatMap((c: any) => [c, ...c.children]).find((t: any) => t.level === 'SETTLEMENT');
  expect(settlement).toBeDefined();
  return settlement.code;
}

describe('routing complaints to the nearest staffed akimat', () => {
  it('routes up the tree to the most specific territory with an officer, else to the region', async () => {
    const village = await merkeVillage();
    expect((await fileIn(village)).responsibleTerritory.code).toBe(ZHAMBYL);

    await assign('officer-zhambyl', ZHAMBYL);
    expect((await fileIn(village)).responsibleTerritory.code).toBe(ZHAMBYL);
    expect((await fileIn(TARAZ)).responsibleTerritory.code).toBe(ZHAMBYL);

    const merke = await assign('officer-merke', MERKE);
    const routed = await fileIn(village);
    expect(routed).toMatchObject({ territory: { code: village }, responsibleTerritory: { code: MERKE } });
    expect((await fileIn(MERKE)).responsibleTerritory.code).toBe(MERKE);
    expect((await fileIn(TARAZ)).responsibleTerritory.code).toBe(ZHAMBYL);

    // Removing the officer changes where new complaints go, not where old ones went.
    expect((await gql(subgraph.url, REMOVE, { id: merke.id }, await admin())).errors).toBeUndefined();
    expect((await fileIn(village)).responsibleTerritory.code).toBe(ZHAMBYL);
    const old = await gql(subgraph.url, `query($id: ID!) { complaint(id: $id) { responsibleTerritory { code } } }`, { id: routed.id });
    expect(old.data!.complaint.responsibleTerritory.code).toBe(MERKE);
  });

  it('filters complaints by the akimat they were routed to, without revealing the officer', async () => {
    await assign('officer-subject-secret-42', TARAZ);
    const taraz = await fileIn(TARAZ);
    const res = await gql(
      subgraph.url,
      `query($t: ID!) { complaints(filter: { responsibleTerritory: $t }, first: 500) { nodes { id responsibleTerritory { code } } } }`,
      { t: TARAZ },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.complaints.nodes.map((c: any) => c.id)).toContain(taraz.id);
    expect(res.data!.complaints.nodes.every((c: any) => c.responsibleTerritory.code === TARAZ)).toBe(true);
    expect(JSON.stringify(res)).not.toContain('officer-subject-secret-42');
  });
});

describe('managing akimat officers', () => {
  it('lets only admins list, add and remove officers', async () => {
    const counts = async () => (await subgraph.db.query(`SELECT count(*)::int AS n FROM akimat_officer`))[0].n;
    const before = await counts();
    for (const token of [
      await citizen(),
      await testToken({ subject: 'officer-almaty', roles: ['akimat_officer'], territory: ALMATY }),
      await testToken({ subject: 'po-almaty', roles: ['project_office'], territory: ALMATY }),
    ]) {
      const add = await gql(subgraph.url, ASSIGN, { input: { officerSubject: 'x', territory: ALMATY } }, token);
      expect(add.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      // Refused before the input is validated.
      const invalid = await gql(subgraph.url, ASSIGN, { input: { officerSubject: '', territory: 'nope' } }, token);
      expect(invalid.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const remove = await gql(subgraph.url, REMOVE, { id: '019b7a00-0000-7000-8000-00000000dead' }, token);
      expect(remove.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const list = await gql(subgraph.url, `{ akimatOfficers { totalCount } }`, {}, token);
      expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await gql(subgraph.url, `{ akimatOfficers { totalCount } }`)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await counts()).toBe(before);

    const added = await assign('officer-almaty-city', ALMATY);
    const again = await gql(subgraph.url, ASSIGN, { input: { officerSubject: 'officer-almaty-city', territory: ALMATY } }, await admin());
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.officerSubject' });
    const list = await gql(subgraph.url, `query($t: ID!) { akimatOfficers(filter: { territory: $t }) { totalCount nodes { id officerSubject territory { code } } } }`, { t: ALMATY }, await admin());
    expect(list.data!.akimatOfficers.nodes).toEqual([{ id: added.id, officerSubject: 'officer-almaty-city', territory: { code: ALMATY } }]);
    expect((await gql(subgraph.url, REMOVE, { id: added.id }, await admin())).data!.removeAkimatOfficer.id).toBe(added.id);
    expect((await gql(subgraph.url, REMOVE, { id: added.id }, await admin())).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('validates the territory and the subject', async () => {
    const unknown = await gql(subgraph.url, ASSIGN, { input: { officerSubject: 'o', territory: '999999999' } }, await admin());
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.territory' });
    const empty = await gql(subgraph.url, ASSIGN, { input: { officerSubject: '', territory: ALMATY } }, await admin());
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.officerSubject' });
  });
});
