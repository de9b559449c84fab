import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '@rz/infra';

/** TEMPORARY until the gateway serves /dashboard: vite preview of dashboard/dist, proxying /graphql to the gateway. */
export async function previewDashboard(gatewayUrl: string): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const dir = join(__dirname, '..', '..', 'dashboard');
  const child: ChildProcess = spawn(process.execPath, [join(dir, '..', 'node_modules', 'vite', 'bin', 'vite.js'), 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: dir,
    env: { ...process.env, GATEWAY_URL: new URL(gatewayUrl).origin },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/dashboard/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return { url, stop: () => child.kill() };
}
