import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenVerifier } from './token-verifier';

const ISSUER = 'rukhani-zhangyru-dev';
const AUDIENCE = 'rukhani-zhangyru-graph';

describe('TokenVerifier', () => {
  let key: CryptoKey;
  let otherKey: CryptoKey;
  let verifier: TokenVerifier;
  let jwksFile: string;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    key = pair.privateKey;
    otherKey = (await generateKeyPair('ES256')).privateKey;
    jwksFile = join(mkdtempSync(join(tmpdir(), 'rz-jwks-')), 'jwks.json');
    const file = jwksFile;
    writeFileSync(file, JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), alg: 'ES256', kid: 'k1' }] }));
    verifier = new TokenVerifier({ jwksFile: file, issuer: ISSUER, audience: AUDIENCE });
  });

  const now = () => Math.floor(Date.now() / 1000);
  const sign = (
    claims: Record<string, unknown>,
    options: { key?: CryptoKey; audience?: string; expires?: string | number; subject?: string; issuedAt?: number } = {},
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject(options.subject ?? 'user-1')
      .setIssuer(ISSUER)
      .setAudience(options.audience ?? AUDIENCE)
      .setIssuedAt(options.issuedAt)
      .setExpirationTime(options.expires ?? '1h')
      .sign(options.key ?? key);

  it('treats a request without a token as anonymous', async () => {
    await expect(verifier.verify(undefined)).resolves.toBeNull();
  });

  it('returns the claims of a valid token, and its subject', async () => {
    const token = await sign({ roles: ['akimat_officer'], territory: '750000000' });
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toMatchObject({ sub: 'user-1', roles: ['akimat_officer'], territory: '750000000' });
    await expect(verifier.subjectOf(`Bearer ${token}`)).resolves.toBe('user-1');
  });

  it.each([
    ['expired', 'EXPIRED', () => sign({ roles: ['admin'] }, { expires: Math.floor(Date.now() / 1000) - 60 })],
    ['signed with another key', 'BAD_SIGNATURE', () => sign({ roles: ['admin'] }, { key: otherKey })],
    ['for another audience', 'WRONG_AUDIENCE', () => sign({ roles: ['admin'] }, { audience: 'someone-else' })],
    ['issued in the future', 'ISSUED_IN_FUTURE', () => sign({ roles: ['admin'] }, { issuedAt: now() + 3600, expires: now() + 7200 })],
    ['valid until 2200', 'LIFETIME_TOO_LONG', () => sign({ roles: ['admin'] }, { expires: Date.UTC(2200, 0, 1) / 1000 })],
    ['for an empty subject', 'NO_SUBJECT', () => sign({ roles: ['admin'] }, { subject: '' })],
    ['for a blank subject', 'NO_SUBJECT', () => sign({ roles: ['admin'] }, { subject: '  ' })],
    [
      'unsigned (alg: none)',
      'INVALID',
      async () => {
        const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
        const now = Math.floor(Date.now() / 1000);
        return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'x', roles: ['admin'], iss: ISSUER, aud: AUDIENCE, exp: now + 60 })}.`;
      },
    ],
    ['garbage', 'INVALID', async () => 'not-a-token'],
  ])('refuses a token that is %s (%s), and gives it no subject', async (_case, problem, makeToken) => {
    const token = await makeToken();
    await expect(verifier.verify(`Bearer ${token}`)).rejects.toMatchObject({ name: 'TokenRejected', problem });
    await expect(verifier.subjectOf(`Bearer ${token}`)).resolves.toBeNull();
  });

  it('accepts a lifetime up to the configured maximum, and a small clock skew', async () => {
    const day = await sign({}, { expires: '24h' });
    await expect(verifier.verify(`Bearer ${day}`)).resolves.toMatchObject({ sub: 'user-1' });
    const skewed = await sign({}, { issuedAt: now() + 10, expires: now() + 3600 });
    await expect(verifier.verify(`Bearer ${skewed}`)).resolves.toMatchObject({ sub: 'user-1' });
    const strict = new TokenVerifier({ jwksFile: jwksFile, issuer: ISSUER, audience: AUDIENCE, maxLifetimeSeconds: 600 });
    await expect(strict.verify(`Bearer ${await sign({}, { expires: '1h' })}`)).rejects.toMatchObject({ problem: 'LIFETIME_TOO_LONG' });
  });

  it('refuses a malformed Authorization header', async () => {
    await expect(verifier.verify('Basic abc')).rejects.toMatchObject({ problem: 'MALFORMED_HEADER' });
  });
});
