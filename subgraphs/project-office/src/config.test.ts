import { ConfigError } from '@rz/service-kit';
import { loadConfig } from './config';

const env = { DATABASE_URL: 'postgres://localhost/rz', AUTH_JWKS_FILE: '/tmp/jwks.json' };

describe('project-office config', () => {
  it('reads GATEWAY_URL, the local gateway by default, and its port from the subgraph list', () => {
    expect(loadConfig(env).GATEWAY_URL).toBe('http://localhost:4000/graphql');
    expect(loadConfig({ ...env, GATEWAY_URL: 'http://gateway:4000/graphql' }).GATEWAY_URL).toBe('http://gateway:4000/graphql');
    expect(loadConfig(env).PORT).toBe(4105);
  });

  it('rejects a GATEWAY_URL that is not a URL', () => {
    expect(() => loadConfig({ ...env, GATEWAY_URL: 'gateway' })).toThrow(ConfigError);
  });
});
