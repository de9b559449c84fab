import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);

/** Kazakhstan's ISO 3166-1 numeric code, the feature id in Natural Earth's world-atlas. */
const KAZAKHSTAN = '398';
const OUTLINE_MODULE = 'virtual:kazakhstan-outline';

/**
 * Kazakhstan's outline from Natural Earth (world-atlas, public domain), extracted at build time:
 * the bundle carries one country's GeoJSON, not the whole world's topology.
 */
function kazakhstanOutline(): Plugin {
  return {
    name: 'kazakhstan-outline',
    resolveId: (id) => (id === OUTLINE_MODULE ? `\0${OUTLINE_MODULE}` : undefined),
    load(id) {
      if (id !== `\0${OUTLINE_MODULE}`) return undefined;
      const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology<{ countries: GeometryCollection }>;
      const country = feature(world, world.objects.countries).features.find((f) => f.id === KAZAKHSTAN);
      if (!country) throw new Error(`world-atlas has no feature ${KAZAKHSTAN}`);
      return `export default ${JSON.stringify(country)};`;
    },
  };
}

/**
 * Served by the gateway at /dashboard/, talking to /graphql on the same origin. In development
 * (`npm run dev -w @rz/dashboard`) Vite proxies /graphql, WebSocket included, to GATEWAY_URL.
 */
const gateway = process.env.GATEWAY_URL ?? 'http://localhost:4000';
const proxy = { '/graphql': { target: gateway, ws: true, changeOrigin: true } };

export default defineConfig({
  base: '/dashboard/',
  plugins: [react(), kazakhstanOutline()],
  resolve: {
    alias: { '@rz/client': fileURLToPath(new URL('../schema/client/src/index.ts', import.meta.url)) },
  },
  server: { proxy },
  preview: { proxy },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
