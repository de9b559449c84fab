/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** A gateway elsewhere, e.g. http://localhost:4000/graphql (it must allow this origin); /graphql on this origin by default. */
  readonly VITE_GRAPHQL_URL?: string;
}

declare module 'virtual:kazakhstan-outline' {
  /** Kazakhstan (ISO 3166-1 numeric 398) from Natural Earth via world-atlas, extracted at build time (vite.config.ts). */
  const outline: GeoJSON.Feature<GeoJSON.MultiPolygon | GeoJSON.Polygon>;
  export default outline;
}
