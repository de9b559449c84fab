/** The subgraph definition under a uniform name, so tooling can load any subgraph by package name. */
export { notifications as subgraph } from './subgraph';
export { buildNotificationsSchema } from './schema';
export { loadConfig } from './config';
