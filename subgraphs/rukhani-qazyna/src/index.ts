/** The subgraph definition under a uniform name, so tooling can load any subgraph by package name. */
export { rukhaniQazyna as subgraph } from './subgraph';
export { buildRukhaniQazynaSchema } from './schema';
export { loadConfig } from './config';
