/** The subgraph definition under a uniform name, so tooling can load any subgraph by package name. */
export { projectOffice as subgraph } from './subgraph';
export { buildProjectOfficeSchema } from './schema';
export { loadConfig } from './config';
