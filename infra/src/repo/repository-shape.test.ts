import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import madge from 'madge';
import { ROOT } from '../paths';

/** Folders that hold TypeScript sources, tests included. */
const SOURCE_ROOTS = ['schema/contract/src', 'schema/src', 'infra/kit/src', 'infra/testing/src', 'infra/src', 'subgraphs', 'gateway/src', 'e2e'];

/** Each workspace package's folder; a file belongs to the deepest one containing it. */
const PACKAGE_DIRS = ['schema/contract', 'schema', 'infra/kit', 'infra/testing', 'infra', 'gateway', 'e2e'];

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

function packageOf(file: string): string {
  const rel = relative(ROOT, file).split(sep).join('/');
  const subgraph = /^subgraphs\/[^/]+/.exec(rel);
  if (subgraph) return subgraph[0];
  return PACKAGE_DIRS.filter((dir) => rel.startsWith(`${dir}/`)).sort((a, b) => b.length - a.length)[0] ?? '(root)';
}

const sourceFiles = () => SOURCE_ROOTS.flatMap((root) => walk(join(ROOT, root)));

describe('repository shape', () => {
  it('has no import cycles (type-only imports included)', async () => {
    const graph = await madge(
      SOURCE_ROOTS.map((root) => join(ROOT, root)),
      { fileExtensions: ['ts'], excludeRegExp: [/node_modules/, /[\\/]dist[\\/]/, /\.d\.ts$/], detectiveOptions: { ts: { skipTypeImports: false } } },
    );
    expect(Object.keys(graph.obj()).length).toBeGreaterThan(400);
    expect(graph.circular()).toEqual([]);
  });

  it('has no test that imports another package by relative path (use its package name)', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles().filter((f) => /\.(test|e2e)\.ts$/.test(f))) {
      const own = packageOf(file);
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
        const target = resolve(dirname(file), spec);
        if (packageOf(target) !== own) offenders.push(`${relative(ROOT, file)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('tracks no compiled output beside the sources', () => {
    const compiled = sourceFiles().filter((f) => /\.(js|d\.ts|js\.map|d\.ts\.map)$/.test(f));
    expect(compiled.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
