import { ConfigError } from '@rz/service-kit';
import { loadConfig } from './config';

const env = { DATABASE_URL: 'postgres://localhost/rz', AUTH_JWKS_FILE: '/tmp/jwks.json' };

describe('aqparat-tolqyny config', () => {
  it('reads NEW_FACE_MEDIA_LIMIT, 3 by default', () => {
    expect(loadConfig(env).NEW_FACE_MEDIA_LIMIT).toBe(3);
    expect(loadConfig({ ...env, NEW_FACE_MEDIA_LIMIT: '5' }).NEW_FACE_MEDIA_LIMIT).toBe(5);
    expect(loadConfig({ ...env, NEW_FACE_MEDIA_LIMIT: '0' }).NEW_FACE_MEDIA_LIMIT).toBe(0);
    expect(loadConfig(env).PORT).toBeGreaterThan(0);
  });

  it('rejects a limit that is not a non-negative whole number', () => {
    for (const value of ['-1', '2.5', 'three']) {
      expect(() => loadConfig({ ...env, NEW_FACE_MEDIA_LIMIT: value })).toThrow(ConfigError);
    }
    expect(() => loadConfig({ NEW_FACE_MEDIA_LIMIT: '3' })).toThrow(/DATABASE_URL/);
  });
});
