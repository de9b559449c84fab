import { createServer } from 'node:net';
import { SUBGRAPHS, type SubgraphName } from '@rz/contract';

/**
 * Ports handed out for services started as separate processes, below Linux's ephemeral range (32768-60999).
 * A port from listen(0) is in that range, and between our check and the child's bind it could be taken by
 * any outgoing connection on the machine, or handed by listen(0) to another test system's service: a test
 * then talked to somebody else's subgraph. Here only processes of this project choose, each from its own
 * random start.
 */
const FIRST_PORT = 15_000;
const PORT_COUNT = 17_000;
let next = Math.floor(Math.random() * PORT_COUNT);

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port free right now, and not handed out before by this process (until it has gone through them all). */
export async function freePort(): Promise<number> {
  for (let tried = 0; tried < PORT_COUNT; tried += 1) {
    const port = FIRST_PORT + next;
    next = (next + 1) % PORT_COUNT;
    if (await canListen(port)) return port;
  }
  throw new Error(`No free port between ${FIRST_PORT} and ${FIRST_PORT + PORT_COUNT - 1}`);
}

/** A free port for every subgraph in the list, for a system started beside others. */
export async function freeSubgraphPorts(): Promise<Record<SubgraphName, number>> {
  const ports = {} as Record<SubgraphName, number>;
  for (const { name } of SUBGRAPHS) ports[name] = await freePort();
  return ports;
}
