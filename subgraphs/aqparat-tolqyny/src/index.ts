/** The subgraph definition under a uniform name, so tooling can load any subgraph by package name. */
export { aqparatTolqyny as subgraph } from './subgraph';
export { buildAqparatTolqynySchema } from './schema';
export { loadConfig } from './config';
