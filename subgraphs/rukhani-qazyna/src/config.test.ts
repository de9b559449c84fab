import { loadConfig } from './config';

const base = { DATABASE_URL: 'postgres://localhost/rz', AUTH_JWKS_FILE: 'jwks.json' };

describe('rukhani-qazyna config', () => {
  it('reads PUBLIC_BASE_URL without a trailing slash, defaulting to the local gateway', () => {
    expect(loadConfig({ ...base, PUBLIC_BASE_URL: 'https://rukhani.gov.kz/' }).PUBLIC_BASE_URL).toBe('https://rukhani.gov.kz');
    expect(loadConfig(base).PUBLIC_BASE_URL).toBe('http://localhost:4000');
    expect(loadConfig(base).PORT).toBe(4103);
  });

  it('reports a bad PUBLIC_BASE_URL together with the other problems', () => {
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'ftp://rukhani.gov.kz', AUTH_JWKS_FILE: 'jwks.json' })).toThrow(
      /DATABASE_URL[\s\S]*PUBLIC_BASE_URL: must be an http\(s\) URL/,
    );
  });

  it('requires PUBLIC_BASE_URL in production', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(/PUBLIC_BASE_URL: required in production/);
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://rukhani.gov.kz' })).not.toThrow(/PUBLIC_BASE_URL/);
  });
});
