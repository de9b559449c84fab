/** The subgraph definition under a uniform name, so tooling can load any subgraph by package name. */
export { atameken as subgraph } from './subgraph';
export { buildAtamekenSchema } from './schema';
export { loadConfig } from './config';
