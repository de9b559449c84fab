import { connect, createServer, type Server, type Socket } from 'node:net';

const REQUEST_LINE = Buffer.from('POST /graphql');

export interface CountingProxy {
  port: number;
  /** `POST /graphql` requests forwarded so far. */
  readonly requests: number;
  close(): Promise<void>;
}

/**
 * A TCP pass-through in front of one subgraph that counts HTTP request lines on the way in.
 * Bytes are piped untouched (keep-alive, pipelining and bodies work as without it), so neither
 * gateway nor subgraph changes, and the cost is one copy per chunk. A request line split
 * across two chunks is still counted: the tail of the previous chunk is kept.
 */
export function startCountingProxy(targetPort: number, host = '127.0.0.1'): Promise<CountingProxy> {
  let requests = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, host);
    sockets.add(client).add(upstream);
    let tail = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      const data = tail.length ? Buffer.concat([tail, chunk]) : chunk;
      for (let at = data.indexOf(REQUEST_LINE); at !== -1; at = data.indexOf(REQUEST_LINE, at + REQUEST_LINE.length)) requests += 1;
      // One byte short of a whole line: enough to complete a split one, never enough to count one twice.
      tail = Buffer.from(data.subarray(Math.max(0, data.length - REQUEST_LINE.length + 1)));
    });
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      resolve({
        port: (server.address() as { port: number }).port,
        get requests() {
          return requests;
        },
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
