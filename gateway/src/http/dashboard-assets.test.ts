import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestGateway } from '../testing/test-gateway';
import type { RunningGateway } from './server';

describe('the dashboard at /dashboard/', () => {
  let gateway: RunningGateway;
  let origin: string;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rz-dashboard-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="/dashboard/assets/app-1a2b.js"></script>');
    writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'export const dashboard = true;');
    gateway = await startTestGateway('http://127.0.0.1:9', { DASHBOARD_DIR: dir });
    origin = new URL(gateway.url).origin;
  });
  afterAll(() => gateway?.stop());

  it('serves the built page, allowed to load only from this origin', async () => {
    const res = await fetch(`${origin}/dashboard/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(await res.text()).toContain('/dashboard/assets/app-1a2b.js');
  });

  it('redirects /dashboard to /dashboard/ and caches hashed assets for good', async () => {
    const redirect = await fetch(`${origin}/dashboard?lang=kk`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/dashboard/?lang=kk');
    const asset = await fetch(`${origin}/dashboard/assets/app-1a2b.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${origin}/dashboard/missing.js`)).status).toBe(404);
  });
});
