import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';

/** One cached answer: the exact bytes Apollo sent, and what it depends on. */
export interface CachedAnswer {
  body: string;
  contentType: string;
  etag: string;
  expiresAt: number;
  subgraphs: readonly string[];
}

export interface ResponseCacheStats {
  hits: number;
  misses: number;
  stored: number;
  evicted: number;
  entries: number;
}

/**
 * Where answers are kept: this process's memory, or PostgreSQL shared by every gateway replica
 * (postgres-response-cache.ts). Methods may answer at once or by a promise. Emits `evicted`
 * (subgraph) after each eviction.
 */
export interface ResponseCache extends EventEmitter {
  /** False while change notices may be missed (the listener is reconnecting): nothing is served or stored. */
  enabled: boolean;
  get(key: string, now?: number): CachedAnswer | undefined | Promise<CachedAnswer | undefined>;
  /** The generations of these subgraphs now: pass it to `set` when the answer arrives. */
  snapshot(subgraphs: readonly string[]): string | Promise<string>;
  /** Stores the answer unless one of its subgraphs changed since `snapshot`. */
  set(key: string, answer: Omit<CachedAnswer, 'etag'>, snapshot: string): CachedAnswer | undefined | Promise<CachedAnswer | undefined>;
  /** Drops every answer that read from this subgraph. */
  evictSubgraph(subgraph: string): void | Promise<void>;
  /** Drops everything (notices may have been missed). */
  clear(): void | Promise<void>;
  statistics(): ResponseCacheStats;
}

/** A strong ETag from the body. */
export const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/**
 * Anonymous answers in memory, least recently used dropped first. Each answer is tagged with the
 * subgraphs its plan fetched from; a change notice from a subgraph evicts all of them. A
 * generation per subgraph guards the race between a read and a commit: an answer whose read began
 * before an eviction of one of its subgraphs is not stored (it may predate the commit).
 * Emits `evicted` (subgraph) after each eviction.
 */
export class MemoryResponseCache extends EventEmitter implements ResponseCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private readonly generations = new Map<string, number>();
  private epoch = 0;
  private readonly stats = { hits: 0, misses: 0, stored: 0, evicted: 0 };
  /** False while change notices may be missed (the listener is reconnecting): nothing is served or stored. */
  enabled = true;

  constructor(private readonly maxEntries: number) {
    super();
  }

  get(key: string, now = Date.now()): CachedAnswer | undefined {
    const answer = this.enabled ? this.entries.get(key) : undefined;
    if (answer && answer.expiresAt > now) {
      this.entries.delete(key);
      this.entries.set(key, answer);
      this.stats.hits += 1;
      return answer;
    }
    if (answer) this.entries.delete(key);
    this.stats.misses += 1;
    return undefined;
  }

  /** The generations of these subgraphs now: pass it to `set` when the answer arrives. */
  snapshot(subgraphs: readonly string[]): string {
    return `${this.epoch}:${subgraphs.map((s) => this.generations.get(s) ?? 0).join(',')}`;
  }

  set(key: string, answer: Omit<CachedAnswer, 'etag'>, snapshot: string): CachedAnswer | undefined {
    if (!this.enabled || this.snapshot(answer.subgraphs) !== snapshot) return undefined;
    const cached = { ...answer, etag: etagOf(answer.body) };
    this.entries.delete(key);
    this.entries.set(key, cached);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.stats.stored += 1;
    return cached;
  }

  /** Drops every answer that read from this subgraph. */
  evictSubgraph(subgraph: string): void {
    this.generations.set(subgraph, (this.generations.get(subgraph) ?? 0) + 1);
    for (const [key, answer] of this.entries) {
      if (answer.subgraphs.includes(subgraph)) {
        this.entries.delete(key);
        this.stats.evicted += 1;
      }
    }
    this.emit('evicted', subgraph);
  }

  /** Drops everything (notices may have been missed). */
  clear(): void {
    this.epoch += 1;
    this.stats.evicted += this.entries.size;
    this.entries.clear();
  }

  statistics(): ResponseCacheStats {
    return { ...this.stats, entries: this.entries.size };
  }
}
