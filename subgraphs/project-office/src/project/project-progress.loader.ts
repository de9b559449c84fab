import type { LoaderFactory } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';
import type { ProjectOfficeConfig } from '../config';
import { GraphReader } from '../graph/graph-reader';
import { ProjectLinkKind } from './project.enums';

/** Kinds with a lifecycle: the public query that reads one, and the status that means "done". */
export const PROGRESS_OF: Partial<Record<ProjectLinkKind, { field: string; done: string }>> = {
  [ProjectLinkKind.EVENT]: { field: 'event', done: 'COMPLETED' },
  [ProjectLinkKind.INITIATIVE]: { field: 'initiative', done: 'IMPLEMENTED' },
  [ProjectLinkKind.MEDIA_PLAN]: { field: 'mediaPlan', done: 'APPROVED' },
  [ProjectLinkKind.FACE]: { field: 'face', done: 'FEATURED' },
};

/** Below the gateway's alias limit (QUERY_MAX_ALIASES, 30 by default). */
const PER_REQUEST = 25;

/**
 * Status of each linked entity ("<KIND>:<id>"), read through the gateway: one request per kind
 * and 25 entities per request tick. An entity the public does not see (a media plan not yet
 * approved, a declined face) or that does not exist has no status (null).
 */
export const linkedStatusLoader: LoaderFactory<DataLoader<string, string | null>> = (ctx) => {
  const reader = new GraphReader(ctx.config as ProjectOfficeConfig);
  return new DataLoader(
    async (keys) => {
      const status = new Map<string, string | null>();
      const byKind = new Map<ProjectLinkKind, string[]>();
      for (const key of keys) {
        const [kind, id] = key.split(':') as [ProjectLinkKind, string];
        if (PROGRESS_OF[kind]) byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
      }
      await Promise.all(
        [...byKind].map(async ([kind, ids]) => {
          const { field } = PROGRESS_OF[kind]!;
          const query = `query(${ids.map((_, i) => `$i${i}: ID!`).join(', ')}) { ${ids.map((_, i) => `s${i}: ${field}(id: $i${i}) { status }`).join(' ')} }`;
          const data = await reader.read<Record<string, { status: string } | null>>(query, Object.fromEntries(ids.map((id, i) => [`i${i}`, id])));
          ids.forEach((id, i) => status.set(`${kind}:${id}`, data[`s${i}`]?.status ?? null));
        }),
      );
      return keys.map((key) => status.get(key) ?? null);
    },
    { maxBatchSize: PER_REQUEST },
  );
};
