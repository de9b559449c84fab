import type { DataSource } from 'typeorm';
import type { SubgraphConfig } from './config';
import type { Logger } from './logger';
import type { Viewer } from './auth/viewer';

/** A loader factory; the registry makes one instance per request. */
export type LoaderFactory<T> = (context: SubgraphContext) => T;

/** Per-request DataLoader instances, created lazily on first use so batching never crosses requests. */
export class LoaderRegistry {
  private readonly instances = new Map<LoaderFactory<unknown>, unknown>();

  constructor(private readonly context: () => SubgraphContext) {}

  get<T>(factory: LoaderFactory<T>): T {
    if (!this.instances.has(factory)) this.instances.set(factory, factory(this.context()));
    return this.instances.get(factory) as T;
  }
}

export interface SubgraphContext {
  viewer: Viewer | null;
  /** The service's parsed config; a subgraph with extra settings narrows it with its own type. */
  config: SubgraphConfig;
  /** Long-lived process services (see SubgraphDefinition.startServices). */
  services: Record<string, unknown>;
  db: DataSource;
  loaders: LoaderRegistry;
  logger: Logger;
}

export function createContext(base: Omit<SubgraphContext, 'loaders'>): SubgraphContext {
  const context: SubgraphContext = { ...base, loaders: new LoaderRegistry(() => context) };
  return context;
}
