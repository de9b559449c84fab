import { ConfigError } from '@rz/service-kit';
import { loadConfig } from './config';

const base = { DATABASE_URL: 'postgres://a@b/c', AUTH_JWKS_FILE: '/k.json' };

describe('atameken config', () => {
  it('requires an evidence secret of at least 16 characters, keeping the shared settings', () => {
    const config = loadConfig({ ...base, EVIDENCE_SECRET: 'x'.repeat(16) });
    expect(config).toMatchObject({ EVIDENCE_SECRET: 'x'.repeat(16), PORT: 4102, SEED_DEMO: false });
    for (const EVIDENCE_SECRET of [undefined, 'short']) {
      let error: ConfigError | undefined;
      try {
        loadConfig({ ...base, EVIDENCE_SECRET });
      } catch (e) {
        error = e as ConfigError;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect(error!.problems.some((p) => p.startsWith('EVIDENCE_SECRET'))).toBe(true);
    }
  });

  it('requires the public base URL of evidence links in production', () => {
    const secret = { EVIDENCE_SECRET: 'x'.repeat(16) };
    expect(loadConfig({ ...base, ...secret }).PUBLIC_BASE_URL).toBe('http://localhost:4000');
    expect(loadConfig({ ...base, ...secret, PUBLIC_BASE_URL: 'https://rukhani.gov.kz/' }).PUBLIC_BASE_URL).toBe('https://rukhani.gov.kz');
    expect(() => loadConfig({ ...base, ...secret, NODE_ENV: 'production' })).toThrow(/PUBLIC_BASE_URL: required in production/);
  });
});
