import { ConfigError } from '@rz/service-kit';
import { loadGatewayConfig } from '../config';
import { startTestGateway } from '../testing/test-gateway';
import { allowedOriginsFromConfig, DEVELOPMENT_ORIGINS, originAllowed } from './cors';
import type { RunningGateway } from './server';

/** No subgraph is called: `{ __typename }` is answered by the gateway itself. */
const NO_SUBGRAPHS = 'http://127.0.0.1:9';

const preflight = (url: string, origin: string, headers = 'content-type, authorization') =>
  fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers } });

describe('CORS', () => {
  describe('outside production, by default', () => {
    let gateway: RunningGateway;
    beforeAll(async () => {
      gateway = await startTestGateway(NO_SUBGRAPHS);
    });
    afterAll(() => gateway?.stop());

    it('answers a preflight from a local dev server on /graphql and the evidence endpoints', async () => {
      for (const path of ['/graphql', '/evidence', '/evidence/0123abcd']) {
        const res = await preflight(new URL(path, gateway.url).toString(), 'http://localhost:5173');
        expect(res.status).toBe(204);
        expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
        expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST');
        expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization.*content-type/);
        expect(res.headers.get('vary')).toMatch(/Origin/i);
      }
    });

    it('lets the page read the answer to its request', async () => {
      const res = await fetch(gateway.url, {
        method: 'POST',
        headers: { origin: 'http://127.0.0.1:5173', 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
      expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
    });

    it('gives another origin no CORS header, so its browser withholds the answer', async () => {
      const res = await preflight(gateway.url, 'https://elsewhere.example');
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      const post = await fetch(gateway.url, {
        method: 'POST',
        headers: { origin: 'https://elsewhere.example', 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(post.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  it('allows exactly the configured origins', async () => {
    const gateway = await startTestGateway(NO_SUBGRAPHS, { CORS_ALLOWED_ORIGINS: 'https://portal.example.kz, https://back-office.example.kz' });
    try {
      expect((await preflight(gateway.url, 'https://portal.example.kz')).headers.get('access-control-allow-origin')).toBe('https://portal.example.kz');
      expect((await preflight(gateway.url, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await gateway.stop();
    }
  });

  it('allows no origin in production unless configured, local ones in development', () => {
    const minimal = { AUTH_JWKS_FILE: '/keys/jwks.json', EVIDENCE_SECRET: 'a-secret-of-16-chars' };
    expect(allowedOriginsFromConfig(loadGatewayConfig({ ...minimal, NODE_ENV: 'production' }))).toEqual([]);
    expect(allowedOriginsFromConfig(loadGatewayConfig(minimal))).toEqual(DEVELOPMENT_ORIGINS);
    expect(() => loadGatewayConfig({ ...minimal, CORS_ALLOWED_ORIGINS: 'portal.example.kz' })).toThrow(ConfigError);
  });

  it('matches `host:*` entries on any port of that host only', () => {
    expect(originAllowed('http://localhost:5173', DEVELOPMENT_ORIGINS)).toBe(true);
    expect(originAllowed('http://localhost', DEVELOPMENT_ORIGINS)).toBe(true);
    expect(originAllowed('http://localhost.evil.example', DEVELOPMENT_ORIGINS)).toBe(false);
    expect(originAllowed('http://localhost:5173.evil.example', DEVELOPMENT_ORIGINS)).toBe(false);
    expect(originAllowed('https://localhost:5173', DEVELOPMENT_ORIGINS)).toBe(false);
  });
});
