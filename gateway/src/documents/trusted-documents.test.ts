import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postGraphQL, testToken, type GraphQLResponse } from '@rz/test-support';
import type { RunningGateway } from '../http/server';
import { startTestGateway } from '../testing/test-gateway';
import { hashDocument, TrustedDocuments } from './trusted-documents';

const TYPENAME = 'query Typename { __typename }';

/** Trusted documents at the gateway (`all` mode: ids only, whoever asks), on queries no subgraph answers. */
describe('trusted documents at the gateway', () => {
  let gateway: RunningGateway;
  const id = hashDocument(TYPENAME);

  beforeAll(async () => {
    const manifest = join(mkdtempSync(join(tmpdir(), 'rz-manifest-')), 'persisted-documents.json');
    writeFileSync(manifest, JSON.stringify({ [id]: TYPENAME }));
    gateway = await startTestGateway('http://127.0.0.1:9', { TRUSTED_DOCUMENTS: 'all', TRUSTED_DOCUMENTS_MANIFESTS: manifest });
  });
  afterAll(() => gateway?.stop());

  const post = (body: unknown, token?: string) => postGraphQL(gateway.url, body, token);
  const code = (answer: GraphQLResponse) => answer.errors?.[0].extensions?.code;

  it('runs a listed id and refuses an ad-hoc document even from an admin in `all` mode', async () => {
    expect(await post({ documentId: id })).toEqual({ status: 200, data: { __typename: 'Query' } });
    const admin = await testToken({ roles: ['admin'], subject: 'trusted-docs-unit' });
    const adHoc = await post({ query: TYPENAME }, admin);
    expect([adHoc.status, code(adHoc)]).toEqual([400, 'PERSISTED_DOCUMENT_REQUIRED']);
  });

  it('refuses an unknown or malformed id, and an id sent with a document', async () => {
    for (const documentId of [`sha256:${'f'.repeat(64)}`, 42, 'md5:abc']) {
      const answer = await post({ documentId });
      expect([answer.status, code(answer)]).toEqual([400, 'PERSISTED_DOCUMENT_NOT_FOUND']);
    }
    const both = await post({ documentId: id, query: TYPENAME });
    expect([both.status, code(both)]).toEqual([400, 'BAD_REQUEST']);
  });

  it('refuses at startup a manifest whose id is not the hash of its document', () => {
    expect(() => new TrustedDocuments().add({ [id]: `${TYPENAME} ` })).toThrow(/not the sha256 of its document/);
  });
});
