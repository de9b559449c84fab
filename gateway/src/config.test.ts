import { ConfigError } from '@rz/service-kit';
import { loadGatewayConfig } from './config';

const minimal = { AUTH_JWKS_FILE: '/keys/jwks.json', EVIDENCE_SECRET: 'a-secret-of-16-chars' };

describe('gateway configuration', () => {
  it('has a default for every optional setting, and one address per subgraph', () => {
    const config = loadGatewayConfig(minimal);
    expect(config).toMatchObject({ NODE_ENV: 'development', PORT: 4000, QUERY_MAX_DEPTH: 10, RATE_LIMIT_ENABLED: true, WS_MAX_SUBSCRIPTIONS_PER_SOCKET: 20, TRUST_PROXY: false });
    expect(config.subgraphUrls.atameken).toMatch(/^http:\/\/localhost:\d+\/graphql$/);
    expect(loadGatewayConfig({ ...minimal, ATAMEKEN_URL: 'http://atameken.internal/graphql' }).subgraphUrls.atameken).toBe('http://atameken.internal/graphql');
  });

  it('reports every bad variable at once', () => {
    let error: unknown;
    try {
      loadGatewayConfig({ PORT: 'eighty', QUERY_MAX_DEPTH: '0', RATE_LIMIT_ENABLED: 'maybe', EVIDENCE_S3_ACCESS_KEY_ID: 'only-one' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const named = (error as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(named).toEqual(expect.arrayContaining(['PORT', 'QUERY_MAX_DEPTH', 'RATE_LIMIT_ENABLED', 'EVIDENCE_SECRET']));
  });

  it('needs to know where the token keys are', () => {
    expect(() => loadGatewayConfig({ EVIDENCE_SECRET: minimal.EVIDENCE_SECRET })).toThrow(/AUTH_JWKS_URL/);
  });
});
