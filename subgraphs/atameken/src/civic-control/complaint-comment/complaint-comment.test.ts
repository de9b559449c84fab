import { createHash } from 'node:crypto';
import { signEvidenceId } from '@rz/schema';
import { gql, startTestSubgraph, type TestSubgraph, testEnv, testToken } from '@rz/test-support';
import { atameken } from '../../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
});
afterAll(() => subgraph?.close());

const ALMATY = '750000000';
const ASTANA = '710000000';
const citizen = (subject: string) => testToken({ subject, roles: ['citizen'] });

const COMMENT = `mutation($input: CommentOnComplaintInput!) { commentOnComplaint(input: $input) { id kind text byRole isMine createdAt } }`;
const READ = `query($id: ID!) { complaint(id: $id) { commentCount comments(first: 10) { totalCount nodes { id kind text byRole isMine } } } }`;

let n = 0;
async function file(): Promise<string> {
  const evidence = [signEvidenceId(testEnv().evidenceSecret, createHash('sha256').update(`comment-${n++}`).digest('hex'), 'photo')];
  const res = await gql(
    subgraph.url,
    `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } } }`,
    { input: { topic: 'PUBLIC_AMENITIES', text: 'Во дворе сломана скамейка и урна, мусор разносит ветер.', territory: ALMATY, evidence } },
    await citizen('citizen-author'),
  );
  return res.data!.fileComplaint.complaint.id;
}

const count = async () => (await subgraph.db.query(`SELECT count(*)::int AS n FROM complaint_comment`))[0].n;

describe('comments and proposals on complaints', () => {
  it('lets citizens comment and propose, and an officer of the territory answer as the akimat', async () => {
    const id = await file();
    const proposal = await gql(subgraph.url, COMMENT, { input: { complaint: id, kind: 'PROPOSAL', text: '  Соберём субботник в эту субботу.  ' } }, await citizen('neighbour-1'));
    expect(proposal.errors).toBeUndefined();
    expect(proposal.data!.commentOnComplaint).toMatchObject({ kind: 'PROPOSAL', text: 'Соберём субботник в эту субботу.', byRole: 'CITIZEN', isMine: true });
    const comment = await gql(subgraph.url, COMMENT, { input: { complaint: id, text: 'Подтверждаю, у нас то же самое.' } }, await testToken({ subject: 'ngo-1', roles: ['ngo'] }));
    expect(comment.data!.commentOnComplaint).toMatchObject({ kind: 'COMMENT', byRole: 'NGO' });
    const answer = await gql(subgraph.url, COMMENT, { input: { complaint: id, text: 'Скамейку заменим до конца месяца.' } }, await testToken({ subject: 'officer-almaty', roles: ['akimat_officer'], territory: ALMATY }));
    expect(answer.data!.commentOnComplaint.byRole).toBe('AKIMAT_OFFICER');
    // An officer of another territory speaks as a citizen there.
    const outsider = await gql(subgraph.url, COMMENT, { input: { complaint: id, text: 'Хорошая идея.' } }, await testToken({ subject: 'officer-astana', roles: ['akimat_officer', 'citizen'], territory: ASTANA }));
    expect(outsider.data!.commentOnComplaint.byRole).toBe('CITIZEN');

    const res = await gql(subgraph.url, READ, { id }, await citizen('neighbour-1'));
    expect(res.errors).toBeUndefined();
    expect(res.data!.complaint.commentCount).toBe(4);
    expect(res.data!.complaint.comments.totalCount).toBe(4);
    expect(res.data!.complaint.comments.nodes.map((c: any) => [c.text, c.isMine])).toEqual([
      ['Хорошая идея.', false],
      ['Скамейку заменим до конца месяца.', false],
      ['Подтверждаю, у нас то же самое.', false],
      ['Соберём субботник в эту субботу.', true],
    ]);
    expect(JSON.stringify(res)).not.toMatch(/neighbour-1|ngo-1|officer-almaty|citizen-author/);
  });

  it('refuses anonymous, empty, too long and misdirected comments, writing nothing', async () => {
    const id = await file();
    const before = await count();
    expect((await gql(subgraph.url, COMMENT, { input: { complaint: id, text: 'Привет' } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const token = await citizen('neighbour-2');
    for (const [text, field] of [['', 'input.text'], ['   ', 'input.text'], ['я'.repeat(2001), 'input.text']]) {
      expect((await gql(subgraph.url, COMMENT, { input: { complaint: id, text } }, token)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    for (const complaint of ['019b7a00-0000-7000-8000-00000000dead', 'nope']) {
      expect((await gql(subgraph.url, COMMENT, { input: { complaint, text: 'Текст' } }, token)).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.complaint' });
    }
    expect(await count()).toBe(before);
  });

  it('counts comments per complaint on a page', async () => {
    const ids = [await file(), await file()];
    await gql(subgraph.url, COMMENT, { input: { complaint: ids[0], text: 'Раз' } }, await citizen('c1'));
    const res = await gql(subgraph.url, `{ complaints(first: 500) { nodes { id commentCount } } }`);
    const byId = new Map(res.data!.complaints.nodes.map((c: any) => [c.id, c.commentCount]));
    expect(byId.get(ids[0])).toBe(1);
    expect(byId.get(ids[1])).toBe(0);
  });
});
