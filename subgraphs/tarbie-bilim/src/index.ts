/** The subgraph definition under a uniform name, so tooling can load any subgraph by package name. */
export { tarbieBilim as subgraph } from './subgraph';
export { buildTarbieBilimSchema } from './schema';
export { loadConfig } from './config';
