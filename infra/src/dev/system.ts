import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { GATEWAY_NODE_OPTIONS, SUBGRAPHS, subgraphEnvPrefix, type SubgraphName } from '@rz/contract';
import { GATEWAY_ENTRY, subgraphEntry } from '../paths';
import type { SubgraphDatabase } from '../postgres/provision';
import { freePort, freeSubgraphPorts } from './free-port';
import { listensOn } from './port-owner';

export interface SystemOptions {
  databases: SubgraphDatabase[];
  jwksFile: string;
  /** Shared evidence signing secret (gateway upload endpoint and atameken). */
  evidenceSecret: string;
  /** Default: a free port (freePort). */
  gatewayPort?: number;
  /** Default: a free port for each (freeSubgraphPorts). */
  subgraphPorts?: Record<SubgraphName, number>;
  seedDemo: boolean;
  nodeEnv: 'development' | 'test' | 'production';
  /** Child logs go to <logDir>/<service>.log; without it they are kept in memory for error reports. */
  logDir?: string;
  logLevel?: string;
  readyTimeoutMs?: number;
  /** Extra settings for the gateway process (tests and benchmarks). */
  gatewayEnv?: Record<string, string>;
  /** Extra settings for the subgraph processes. */
  subgraphEnv?: Record<string, string>;
}

export interface ServiceProcess {
  name: SubgraphName | 'gateway';
  url: string;
  child: ChildProcess;
  /** Last lines the service wrote, for error reports. */
  tail(): string;
}

export interface RunningSystem {
  gatewayUrl: string;
  gatewayPort: number;
  subgraphPorts: Record<SubgraphName, number>;
  /** In production mode: the secret made for this system that the gateway sends the subgraphs (SUBGRAPH_SHARED_SECRET), which they require. */
  sharedSecret?: string;
  services: Map<ServiceProcess['name'], ServiceProcess>;
  /** Kills one service (SIGKILL by default) and starts it again with the same settings. */
  restart(name: ServiceProcess['name'], signal?: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

/** Children get only what they need, never the parent's whole environment. */
function baseEnv(): NodeJS.ProcessEnv {
  const { PATH, HOME, TZ, LANG } = process.env;
  return { PATH, HOME, TZ, LANG };
}

async function waitReady(service: ServiceProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const readyUrl = new URL('/ready', service.url);
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) {
      throw new Error(`${service.name} exited with code ${service.child.exitCode}:\n${service.tail()}`);
    }
    try {
      const response = await fetch(readyUrl, { signal: AbortSignal.timeout(2_000) });
      // Ready only if it is our child answering, not another process that got the port first.
      if (response.ok && listensOn(service.child.pid!, Number(readyUrl.port)) !== false) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${service.name} was not ready after ${timeoutMs} ms:\n${service.tail()}`);
}

function launch(name: ServiceProcess['name'], entry: string, env: NodeJS.ProcessEnv, url: string, logDir?: string): ServiceProcess {
  const child = spawn(process.execPath, [entry], { env: { ...baseEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const file = logDir ? createWriteStream(join(logDir, `${name}.log`), { flags: 'a' }) : undefined;
  const keep = (chunk: Buffer) => {
    file?.write(chunk);
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.once('exit', () => file?.end());
  return { name, url, child, tail: () => lines.slice(-40).join('\n') };
}

async function terminate(service: ServiceProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  const exited = new Promise((resolve) => service.child.once('exit', resolve));
  service.child.kill(signal);
  const timer = setTimeout(() => service.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Starts the subgraphs, then the gateway, and waits until each answers /ready. */
export async function launchSystem(options: SystemOptions): Promise<RunningSystem> {
  if (options.logDir) mkdirSync(options.logDir, { recursive: true });
  const timeout = options.readyTimeoutMs ?? 90_000;
  const services = new Map<ServiceProcess['name'], ServiceProcess>();
  const gatewayPort = options.gatewayPort ?? (await freePort());
  const subgraphPorts = options.subgraphPorts ?? (await freeSubgraphPorts());
  // Production subgraphs answer only the gateway; elsewhere tests may call them directly.
  const sharedSecret = options.nodeEnv === 'production' ? randomBytes(32).toString('hex') : undefined;
  const common = {
    NODE_ENV: options.nodeEnv,
    ...(sharedSecret ? { SUBGRAPH_SHARED_SECRET: sharedSecret } : {}),
    HOST: '127.0.0.1',
    LOG_LEVEL: options.logLevel ?? 'info',
    AUTH_JWKS_FILE: options.jwksFile,
    EVIDENCE_SECRET: options.evidenceSecret,
  };

  const subgraphSpec = (name: SubgraphName) => {
    const database = options.databases.find((d) => d.name === name)!;
    const port = subgraphPorts[name];
    return {
      entry: subgraphEntry(name),
      url: `http://127.0.0.1:${port}/graphql`,
      env: {
        ...common,
        // project-office reads the other subprogrammes' figures through the gateway.
        GATEWAY_URL: `http://127.0.0.1:${gatewayPort}/graphql`,
        // Where notification relays post their outbox (producers only read it).
        NOTIFICATIONS_URL: `http://127.0.0.1:${subgraphPorts.notifications}`,
        PORT: String(port),
        DATABASE_URL: database.url,
        SEED_DEMO: String(options.seedDemo),
        // Names the traces' service when OTEL_EXPORTER_OTLP_ENDPOINT is given.
        OTEL_SERVICE_NAME: name,
        // The gateway is the public entry point of QR links and monument pages (required in production).
        PUBLIC_BASE_URL: `http://localhost:${gatewayPort}`,
        ...options.subgraphEnv,
      },
    };
  };
  const gatewaySpec = () => ({
    entry: GATEWAY_ENTRY,
    url: `http://127.0.0.1:${gatewayPort}/graphql`,
    env: {
      ...common,
      PORT: String(gatewayPort),
      OTEL_SERVICE_NAME: 'gateway',
      NODE_OPTIONS: GATEWAY_NODE_OPTIONS,
      ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [`${subgraphEnvPrefix(name)}URL`, subgraphSpec(name).url])),
      ...options.gatewayEnv,
    },
  });
  const specOf = (name: ServiceProcess['name']) => (name === 'gateway' ? gatewaySpec() : subgraphSpec(name));

  const start = async (name: ServiceProcess['name']) => {
    const spec = specOf(name);
    const service = launch(name, spec.entry, spec.env, spec.url, options.logDir);
    services.set(name, service);
    await waitReady(service, timeout);
  };

  const stop = async () => {
    await Promise.all([...services.values()].map((s) => terminate(s)));
  };

  try {
    await Promise.all(SUBGRAPHS.map(({ name }) => start(name)));
    await start('gateway');
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    gatewayUrl: services.get('gateway')!.url,
    gatewayPort,
    subgraphPorts,
    sharedSecret,
    services,
    async restart(name, signal = 'SIGKILL') {
      await terminate(services.get(name)!, signal);
      await start(name);
    },
    stop,
  };
}
