import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { freePort } from './free-port';
import { listensOn } from './port-owner';

async function listen(port = 0): Promise<Server> {
  const server = createServer();
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

describe('ports for services started as processes', () => {
  it('hands out distinct ports below the ephemeral range, skipping one in use', async () => {
    const first = await freePort();
    const held = await listen(first + 1);
    try {
      const second = await freePort();
      expect(second).not.toBe(first);
      // The next one in line is taken, so it is passed over.
      expect(second).not.toBe(first + 1);
      for (const port of [first, second]) {
        expect(port).toBeGreaterThanOrEqual(15_000);
        expect(port).toBeLessThan(32_768);
      }
    } finally {
      held.close();
    }
  });

  it('tells whether a process holds the socket listening on a port', async () => {
    const server = await listen();
    const { port } = server.address() as { port: number };
    // Another process (alive, listening on nothing) does not own it.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      expect(listensOn(process.pid, port)).toBe(true);
      expect(listensOn(other.pid!, port)).toBe(false);
      server.close();
      await once(server, 'close');
      expect(listensOn(process.pid, port)).toBe(false);
    } finally {
      other.kill();
    }
  });
});
