import { createHash } from 'node:crypto';
import { signEvidenceId, verifyEvidenceDownload } from '@rz/schema';
import { gql, startTestSubgraph, type TestSubgraph, testEnv, testToken } from '@rz/test-support';
import { atameken } from '../../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
});
afterAll(() => subgraph?.close());

const ALMATY = '750000000';
const MEDEU = '751710000';
const ASTANA = '710000000';

const hash = (seed: string) => createHash('sha256').update(seed).digest('hex');
const evidenceId = (seed: string, kind: 'photo' | 'video' | 'audio' = 'photo') => signEvidenceId(testEnv().evidenceSecret, hash(seed), kind);
const citizen = (subject = 'citizen-evidence') => testToken({ subject, roles: ['citizen'] });

const FILE = `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id evidenceCount evidence { kind url expiresAt } } } }`;
const READ = `query($id: ID!) { complaint(id: $id) { id evidenceCount evidence { kind url expiresAt } } }`;

const input = (evidence: string[]) => ({
  topic: 'ECOLOGY',
  text: 'Во дворе дома на улице Жандосова третью неделю не вывозят мусор.',
  territory: MEDEU,
  evidence,
});

async function counts() {
  const [row] = await subgraph.db.query(
    `SELECT (SELECT count(*) FROM complaint)::int AS complaints, (SELECT count(*) FROM complaint_evidence)::int AS evidence,
            (SELECT count(*) FROM complaint_status_change)::int AS history, (SELECT count(*) FROM complaint_event)::int AS events`,
  );
  return row;
}

describe('complaint evidence', () => {
  it('requires at least one attachment, naming input.evidence, writing nothing', async () => {
    const before = await counts();
    for (const variables of [{ input: input([]) }, { input: { ...input([]), evidence: undefined } }]) {
      const res = await gql(subgraph.url, FILE, variables, await citizen());
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.evidence' });
    }
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a forged mac', (good: string) => `${good.slice(0, -4)}AAAA`],
    ['another kind than signed', (good: string) => good.replace('.photo.', '.video.')],
    ['a bare hash', () => hash('bare')],
    ['an id signed with another secret', () => signEvidenceId('some-other-secret-of-length', hash('x'), 'photo')],
  ])('refuses %s as BAD_USER_INPUT naming its position, writing nothing', async (_case, forge) => {
    const before = await counts();
    const res = await gql(subgraph.url, FILE, { input: input([evidenceId('ok-1'), forge(evidenceId('forged'))]) }, await citizen());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.evidence.1' });
    expect(res.data).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it('refuses the same file twice and more than ten files', async () => {
    const twice = await gql(subgraph.url, FILE, { input: input([evidenceId('same'), evidenceId('same')]) }, await citizen());
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.evidence.1' });
    const many = await gql(subgraph.url, FILE, { input: input(Array.from({ length: 11 }, (_, i) => evidenceId(`many-${i}`))) }, await citizen());
    expect(many.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.evidence' });
  });

  it('shows signed 10-minute download links to the author, officers of the territory and admins only', async () => {
    const author = await citizen('citizen-with-photos');
    const filed = await gql(subgraph.url, FILE, { input: input([evidenceId('shown-1'), evidenceId('shown-2', 'video')]) }, author);
    expect(filed.errors).toBeUndefined();
    const { id } = filed.data!.fileComplaint.complaint;

    const seeing = [
      author,
      await testToken({ subject: 'officer-almaty', roles: ['akimat_officer'], territory: ALMATY }),
      await testToken({ subject: 'officer-medeu', roles: ['akimat_officer'], territory: MEDEU }),
      await testToken({ subject: 'admin-1', roles: ['admin'] }),
    ];
    for (const token of seeing) {
      const started = Math.floor(Date.now() / 1000);
      const res = await gql(subgraph.url, READ, { id }, token);
      expect(res.errors).toBeUndefined();
      const { evidence, evidenceCount } = res.data!.complaint;
      expect(evidenceCount).toBe(2);
      expect(evidence.map((e: any) => e.kind)).toEqual(['PHOTO', 'VIDEO']);
      for (const [index, item] of evidence.entries()) {
        // Absolute, on the public origin (PUBLIC_BASE_URL; the local gateway in tests).
        expect(item.url.startsWith('http://localhost:4000/evidence/')).toBe(true);
        const url = new URL(item.url);
        expect(url.pathname).toBe(`/evidence/${hash(`shown-${index + 1}`)}`);
        const exp = Number(url.searchParams.get('exp'));
        expect(exp).toBe(Date.parse(item.expiresAt) / 1000);
        // Valid now, about ten minutes long, dead afterwards.
        expect(exp - started).toBeGreaterThanOrEqual(600);
        expect(exp - started).toBeLessThanOrEqual(600 + 60);
        expect(verifyEvidenceDownload(testEnv().evidenceSecret, hash(`shown-${index + 1}`), url.searchParams.get('exp')!, url.searchParams.get('sig')!, started)).toBe(true);
        expect(verifyEvidenceDownload(testEnv().evidenceSecret, hash(`shown-${index + 1}`), url.searchParams.get('exp')!, url.searchParams.get('sig')!, exp + 1)).toBe(false);
      }
    }

    const notSeeing = [
      undefined,
      await citizen('someone-else'),
      await testToken({ subject: 'officer-astana', roles: ['akimat_officer'], territory: ASTANA }),
      await testToken({ subject: 'po-almaty', roles: ['project_office'], territory: ALMATY }),
    ];
    for (const token of notSeeing) {
      const res = await gql(subgraph.url, READ, { id }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.complaint).toEqual({ id, evidenceCount: 2, evidence: [] });
      expect(JSON.stringify(res)).not.toContain(hash('shown-1'));
    }
  });

  it('writes the complaint, its evidence, its first history row and its outbox event together', async () => {
    const before = await counts();
    const res = await gql(subgraph.url, FILE, { input: input([evidenceId('together-1'), evidenceId('together-2', 'audio')]) }, await citizen());
    expect(res.errors).toBeUndefined();
    expect(await counts()).toEqual({
      complaints: before.complaints + 1,
      evidence: before.evidence + 2,
      history: before.history + 1,
      events: before.events + 1,
    });
  });
});
