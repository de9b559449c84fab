import { RegionsOverviewDocument, documentIdOf } from '@rz/client';
import { gql, postGraphQL, startTestSystem, testToken, type TestSystem } from '@rz/test-support';

const PERIOD = { from: '2026-01-01', to: '2026-12-31' };

/** The real gateway in production mode with TRUSTED_DOCUMENTS=anonymous, in front of the real subgraphs. */
describe('trusted documents (production, anonymous mode)', () => {
  let system: TestSystem;
  let admin: string;
  let citizen: string;
  const id = documentIdOf(RegionsOverviewDocument);

  beforeAll(async () => {
    system = await startTestSystem({ seedDemo: false, gatewayEnv: { NODE_ENV: 'production', TRUSTED_DOCUMENTS: 'anonymous' } });
    admin = await testToken({ roles: ['admin'], subject: 'trusted-docs-admin' });
    citizen = await testToken({ roles: ['citizen'], subject: 'trusted-docs-citizen' });
  }, 180_000);
  afterAll(() => system?.close());

  const post = (body: unknown, token?: string) => postGraphQL(system.gatewayUrl, body, token);

  it('answers a registered id by POST and by GET, anonymously', async () => {
    const byPost = await post({ documentId: id, variables: PERIOD });
    expect(byPost.errors).toBeUndefined();
    expect(byPost.data?.regions).toHaveLength(20);
    const url = new URL(system.gatewayUrl);
    url.searchParams.set('documentId', id);
    url.searchParams.set('variables', JSON.stringify(PERIOD));
    const byGet = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(byGet.status).toBe(200);
    expect(await byGet.json()).toEqual({ data: byPost.data });
  });

  it('refuses an ad-hoc document from an anonymous or citizen caller, and an unknown id from anyone', async () => {
    for (const token of [undefined, citizen]) {
      const adHoc = await gql(system.gatewayUrl, '{ regions { code } }', {}, token);
      expect([adHoc.status, adHoc.errors?.[0].extensions?.code]).toEqual([400, 'PERSISTED_DOCUMENT_REQUIRED']);
    }
    const unknown = await post({ documentId: `sha256:${'0'.repeat(64)}`, variables: {} }, admin);
    expect([unknown.status, unknown.errors?.[0].extensions?.code]).toEqual([400, 'PERSISTED_DOCUMENT_NOT_FOUND']);
  });

  it('answers an ad-hoc document from an admin', async () => {
    const adHoc = await gql(system.gatewayUrl, '{ regions { code } }', {}, admin);
    expect(adHoc.errors).toBeUndefined();
    expect(adHoc.data?.regions).toHaveLength(20);
  });
});
