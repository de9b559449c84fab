import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** The inode of the socket listening on 127.0.0.1:`port` or any address, from the kernel's table (Linux); null when none listens. */
function listeningInode(port: number): string | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let rows: string[];
    try {
      rows = readFileSync(table, 'utf8').split('\n').slice(1);
    } catch {
      continue;
    }
    for (const row of rows) {
      const fields = row.trim().split(/\s+/);
      // local_address is ADDR:PORT in hex; state 0A is LISTEN; inode is the tenth field.
      if (fields.length > 9 && fields[1].endsWith(`:${hexPort}`) && fields[3] === '0A') return fields[9];
    }
  }
  return null;
}

/**
 * Whether process `pid` holds the socket listening on `port`: true, false, or undefined where the
 * machine cannot tell (no /proc). Tells our service from another one that answers on the same port.
 */
export function listensOn(pid: number, port: number): boolean | undefined {
  let inode: string | null;
  let fds: string[];
  try {
    inode = listeningInode(port);
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return undefined;
  }
  if (inode === null) return false;
  const target = `socket:[${inode}]`;
  return fds.some((fd) => {
    try {
      return readlinkSync(`/proc/${pid}/fd/${fd}`) === target;
    } catch {
      return false;
    }
  });
}
