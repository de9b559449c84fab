import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';

export const DEV_ISSUER = 'rukhani-zhangyru-dev';
export const DEV_AUDIENCE = 'rukhani-zhangyru-graph';
const ALG = 'ES256';

export interface DevKeys {
  /** Public JWKS file the services verify against (AUTH_JWKS_FILE). */
  jwksFile: string;
  privateJwk: JWK;
  /** Shared by the gateway's evidence endpoint and atameken (EVIDENCE_SECRET). */
  evidenceSecret: string;
}

/** A development signing key, made on first start and reused after (production uses a JWKS URL). */
export async function ensureDevKeys(dir: string): Promise<DevKeys> {
  const privateFile = join(dir, 'private.jwk.json');
  const jwksFile = join(dir, 'jwks.json');
  if (!existsSync(privateFile) || !existsSync(jwksFile)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { publicKey, privateKey } = await generateKeyPair(ALG, { extractable: true });
    const kid = `dev-${Date.now().toString(36)}`;
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' };
    writeFileSync(privateFile, JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: ALG }), { mode: 0o600 });
    writeFileSync(jwksFile, JSON.stringify({ keys: [publicJwk] }, null, 2));
  }
  const evidenceFile = join(dir, 'evidence.secret');
  if (!existsSync(evidenceFile)) writeFileSync(evidenceFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return { jwksFile, privateJwk: JSON.parse(readFileSync(privateFile, 'utf8')), evidenceSecret: readFileSync(evidenceFile, 'utf8').trim() };
}

export interface DevTokenClaims {
  subject?: string;
  roles: string[];
  territory?: string;
  subprogramme?: string;
  /** Identity confirmed with a digital signature. */
  eds?: boolean;
  expiresIn?: string;
  audience?: string;
  issuer?: string;
}

export async function signDevToken(keys: DevKeys, claims: DevTokenClaims): Promise<string> {
  const key = await importJWK(keys.privateJwk, ALG);
  return new SignJWT({
    roles: claims.roles,
    ...(claims.territory ? { territory: claims.territory } : {}),
    ...(claims.subprogramme ? { subprogramme: claims.subprogramme } : {}),
    ...(claims.eds ? { eds: true } : {}),
  })
    .setProtectedHeader({ alg: ALG, kid: keys.privateJwk.kid })
    .setSubject(claims.subject ?? `dev-${claims.roles.join('-') || 'user'}`)
    .setIssuer(claims.issuer ?? DEV_ISSUER)
    .setAudience(claims.audience ?? DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '12h')
    .sign(key);
}
