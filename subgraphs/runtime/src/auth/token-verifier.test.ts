import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenVerifier } from './token-verifier';
import { Role } from './viewer';

const ISSUER = 'rukhani-zhangyru-dev';
const AUDIENCE = 'rukhani-zhangyru-graph';

describe('TokenVerifier', () => {
  let key: CryptoKey;
  let otherKey: CryptoKey;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    key = pair.privateKey;
    otherKey = (await generateKeyPair('ES256')).privateKey;
    const file = join(mkdtempSync(join(tmpdir(), 'rz-jwks-')), 'jwks.json');
    writeFileSync(file, JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), alg: 'ES256', kid: 'k1' }] }));
    verifier = new TokenVerifier({ jwksFile: file, issuer: ISSUER, audience: AUDIENCE });
  });

  const sign = (claims: Record<string, unknown>, options: { key?: CryptoKey; audience?: string; expires?: string | number } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('user-1')
      .setIssuer(ISSUER)
      .setAudience(options.audience ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.expires ?? '1h')
      .sign(options.key ?? key);

  it('treats a request without a token as anonymous', async () => {
    await expect(verifier.viewerFrom(undefined)).resolves.toBeNull();
  });

  it('reads roles, territory scope, subprogramme and the verified-identity claim', async () => {
    const token = await sign({ roles: ['akimat_officer', 'made_up_role'], territory: '750000000', eds: true });
    await expect(verifier.viewerFrom(`Bearer ${token}`)).resolves.toEqual({
      subject: 'user-1',
      roles: [Role.AKIMAT_OFFICER],
      territory: '750000000',
      subprogramme: null,
      identityVerified: true,
    });
  });

  it.each([
    ['expired', () => sign({ roles: ['admin'] }, { expires: Math.floor(Date.now() / 1000) - 60 })],
    ['signed with another key', () => sign({ roles: ['admin'] }, { key: otherKey })],
    ['for another audience', () => sign({ roles: ['admin'] }, { audience: 'someone-else' })],
    [
      'unsigned (alg: none)',
      async () => {
        const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
        const now = Math.floor(Date.now() / 1000);
        return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'x', roles: ['admin'], iss: ISSUER, aud: AUDIENCE, exp: now + 60 })}.`;
      },
    ],
    ['garbage', async () => 'not-a-token'],
  ])('refuses a token that is %s', async (_case, makeToken) => {
    const token = await makeToken();
    await expect(verifier.viewerFrom(`Bearer ${token}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a malformed Authorization header', async () => {
    await expect(verifier.viewerFrom('Basic abc')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
