import type { Lang } from '@rz/schema';
import type { Logger } from '@rz/service-kit';
import type { DataSource } from 'typeorm';
import type { Viewer } from './auth/viewer';
import type { SubgraphConfig } from './config';

/** Long-lived process services a subgraph starts (see SubgraphDefinition.startServices). */
export type ServiceMap = object;

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

/**
 * What a resolver gets. A subgraph with its own settings or services names its
 * context once (`type AtamekenContext = SubgraphContext<AtamekenConfig, AtamekenServices>`),
 * so no resolver casts.
 */
export interface SubgraphContext<C extends SubgraphConfig = SubgraphConfig, S extends ServiceMap = ServiceMap> {
  viewer: Viewer | null;
  config: C;
  services: S;
  db: DataSource;
  loaders: LoaderRegistry;
  logger: Logger;
  /** The request's language (x-lang, else Accept-Language): the default of every `lang` argument not given. */
  lang?: Lang | null;
  /** The request's Idempotency-Key header, if any (see idempotencyKeyOf). */
  idempotencyKey?: string | null;
}

export function createContext<C extends SubgraphConfig, S extends ServiceMap>(base: Omit<SubgraphContext<C, S>, 'loaders'>): SubgraphContext<C, S> {
  const context: SubgraphContext<C, S> = { ...base, loaders: new LoaderRegistry(() => context as unknown as SubgraphContext) };
  return context;
}
