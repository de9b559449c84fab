import { createServer } from 'node:net';
import { SUBGRAPHS, type SubgraphName } from '@rz/contract';

/** A port the OS reports free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A free port for every subgraph in the list, for a system started beside others. */
export async function freeSubgraphPorts(): Promise<Record<SubgraphName, number>> {
  const ports = {} as Record<SubgraphName, number>;
  for (const { name } of SUBGRAPHS) ports[name] = await freePort();
  return ports;
}
