import { ConfigError, parseConfig } from '@rz/service-kit';
import { subgraphConfigShape } from './config';

describe('subgraph config', () => {
  it('applies defaults, including the port from the subgraph list', () => {
    const config = parseConfig(subgraphConfigShape('atameken'), { DATABASE_URL: 'postgres://a@b/c', AUTH_JWKS_FILE: '/k.json' });
    expect(config).toMatchObject({ PORT: 4102, NODE_ENV: 'development', MIGRATE_ON_START: true, SEED_DEMO: false });
  });

  it('lists every bad variable at once', () => {
    let error: ConfigError | undefined;
    try {
      parseConfig(subgraphConfigShape('atameken'), { PORT: 'eighty', NODE_ENV: 'staging', SEED_DEMO: 'maybe' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const fields = error!.problems.map((p) => p.split(':')[0]);
    expect(fields).toEqual(expect.arrayContaining(['PORT', 'NODE_ENV', 'SEED_DEMO', 'DATABASE_URL']));
  });
});
