import { join } from 'node:path';
import { GATEWAY_PORT, SUBGRAPHS, subgraphEnvPrefix, subgraphUrl, type SubgraphName } from '@rz/contract';
import {
  authSettings,
  booleanFlag,
  graphqlBodyLimitBytes,
  logLevel,
  nodeEnv,
  parseConfig,
  portNumber,
  positiveInt,
  queryLimitSettings,
  requireJwks,
  shutdownSettings,
  subgraphSharedSecret,
} from '@rz/service-kit';
import { metricsSettings } from '@rz/service-kit';
import { z } from 'zod';

const MIB = 1024 * 1024;

/** Express's `trust proxy`: false (default, the socket address is the client), true, a hop count, or addresses/subnets. */
const trustProxy = z
  .string()
  .transform((v): boolean | number | string => (v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v));

const millis = z.coerce.number().int().min(100).max(600_000);

/** The process and its HTTP server. */
const serverSettings = {
  NODE_ENV: nodeEnv,
  /** Default 0.0.0.0. */
  HOST: z.string().default('0.0.0.0'),
  /** Default 4000 (GATEWAY_PORT). */
  PORT: portNumber(GATEWAY_PORT),
  /** Default info. */
  LOG_LEVEL: logLevel,
  /** Whom to believe about the client address (X-Forwarded-For). Default false: the socket address. */
  TRUST_PROXY: trustProxy.default(false),
  /** Largest JSON body accepted on /graphql, in bytes (larger: 413). Default 256 KiB. */
  GRAPHQL_BODY_LIMIT_BYTES: graphqlBodyLimitBytes(256 * 1024),
  /** After SIGTERM: /ready answers 503 while the gateway still serves, this long, before it drains. Default 5000 ms in production, 0 elsewhere. */
  ...shutdownSettings,
};

/** A comma-separated list of origins (scheme://host[:port]); `scheme://host:*` stands for any port of that host. */
const originList = z
  .string()
  .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'an origin such as https://portal.example.kz')));

/** What browsers get: the dashboard, and which other sites' pages may call the API. */
const browserSettings = {
  /** The built dashboard (`npm run build`), served at /dashboard/; empty to serve none. Default <repo>/dashboard/dist. */
  DASHBOARD_DIR: z.string().default(join(__dirname, '..', '..', 'dashboard', 'dist')),
  /**
   * Origins whose pages may call /graphql and /evidence (CORS), e.g. https://portal.example.kz,http://localhost:*.
   * Default: none in production; http://localhost:* and http://127.0.0.1:* otherwise (a Vite dev server on :5173).
   */
  CORS_ALLOWED_ORIGINS: originList.optional(),
};

/** The supergraph and the subgraphs behind it. */
const upstreamSettings = {
  /** The composed supergraph (`npm run compose`). Default <repo>/schema/supergraph.graphql. */
  SUPERGRAPH_FILE: z.string().default(join(__dirname, '..', '..', 'schema', 'supergraph.graphql')),
  /** Host the subgraphs listen on when no per-subgraph URL is given. Default localhost. */
  SUBGRAPH_HOST: z.string().default('localhost'),
  /** Idle keep-alive sockets to subgraphs are closed after this long; keep it below the subgraphs' own timeout. Default 4000 ms. */
  SUBGRAPH_KEEP_ALIVE_MS: millis.default(4_000),
  /** Whole-request timeout to a subgraph. Default 30000 ms. */
  SUBGRAPH_TIMEOUT_MS: millis.default(30_000),
  /** Sent to every subgraph (header and graphql-ws connection parameter); production subgraphs refuse requests without it. Default unset. */
  SUBGRAPH_SHARED_SECRET: subgraphSharedSecret,
};

/** `<SUBGRAPH>_URL` (e.g. ATAMEKEN_URL): one subgraph's address. Default http://<SUBGRAPH_HOST>:<its port>/graphql. */
const subgraphUrlSettings = Object.fromEntries(SUBGRAPHS.map(({ name }) => [`${subgraphEnvPrefix(name)}URL`, z.url().optional()]));

/** Per-client rate limits (token subject when the token verifies, else client address). */
const rateLimitSettings = {
  /** Switch rate limiting off (load tests only). Default true. */
  RATE_LIMIT_ENABLED: booleanFlag.default(true),
  /** Length of a rate-limit window, in seconds. Default 60. */
  RATE_LIMIT_WINDOW_SECONDS: positiveInt(86_400).default(60),
  /** Requests per window for a signed-in subject (/graphql, subscribe messages and evidence downloads). Default 600. */
  RATE_LIMIT_REQUESTS: positiveInt(10_000_000).default(600),
  /** Requests per window for a client address without a valid token. Default 600. */
  RATE_LIMIT_ANONYMOUS_REQUESTS: positiveInt(10_000_000).default(600),
  /** Evidence uploads per window and subject. Default 30. */
  RATE_LIMIT_UPLOADS: positiveInt(1_000_000).default(30),
  /** PostgreSQL the gateway replicas share rate-limit budgets in (one table, created if missing). Default unset: in memory, per replica. */
  RATE_LIMIT_DATABASE_URL: z.url().optional(),
};

/** Subscriptions over WebSocket (graphql-ws on /graphql). */
const webSocketSettings = {
  /** WebSocket handshakes per rate-limit window and client address. Default 120. */
  RATE_LIMIT_WS_CONNECTIONS: positiveInt(10_000_000).default(120),
  /** WebSockets one client address may hold open at once. Default 500 (carrier NAT puts many phones behind one address). */
  WS_MAX_OPEN_PER_ADDRESS: positiveInt(10_000_000).default(500),
  /** Subscription connections (WebSockets, SSE and multipart streams) the process holds open at once, even with rate limits off; beyond it, 503 and Retry-After. Default 12,000, sized to the heap cap. */
  SUBSCRIPTION_MAX_CONNECTIONS: positiveInt(1_000_000).default(12_000),
  /** Subscriptions one WebSocket may run at once (applies even with rate limits off). Default 20. */
  WS_MAX_SUBSCRIPTIONS_PER_SOCKET: positiveInt(10_000).default(20),
  /** Subscription events a client may leave unread before it is disconnected. Default 100. */
  SUBSCRIPTION_MAX_BUFFERED_EVENTS: z.coerce.number().int().min(1).max(100_000).default(100),
};

/** Evidence upload endpoint (POST /evidence, GET /evidence/<sha256>). */
const evidenceSettings = {
  /** Shared with atameken: signs evidence ids and download links. Required. */
  EVIDENCE_SECRET: z.string().min(16),
  /** Filesystem store (used when no S3 bucket is set). Default <repo>/.data/evidence. */
  EVIDENCE_DIR: z.string().default(join(__dirname, '..', '..', '.data', 'evidence')),
  /** Size limits per kind, in bytes. Defaults: photo 10 MiB, audio 20 MiB, video 100 MiB. */
  EVIDENCE_MAX_PHOTO_BYTES: positiveInt(1024 * MIB).default(10 * MIB),
  EVIDENCE_MAX_AUDIO_BYTES: positiveInt(1024 * MIB).default(20 * MIB),
  EVIDENCE_MAX_VIDEO_BYTES: positiveInt(4096 * MIB).default(100 * MIB),
  /** Largest image (width x height) decoded for re-encoding; guards against decompression bombs. Default 50 MP. */
  EVIDENCE_MAX_IMAGE_PIXELS: positiveInt(1_000_000_000).default(50_000_000),
  /** S3-compatible store: set the bucket to use it instead of the filesystem. Default unset. */
  EVIDENCE_S3_BUCKET: z.string().optional(),
  /** Endpoint of an S3-compatible service (MinIO, Ceph...); unset for AWS. */
  EVIDENCE_S3_ENDPOINT: z.url().optional(),
  /** Default us-east-1. */
  EVIDENCE_S3_REGION: z.string().default('us-east-1'),
  /** Static credentials; unset to use the AWS default chain (environment, instance role). */
  EVIDENCE_S3_ACCESS_KEY_ID: z.string().optional(),
  EVIDENCE_S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Key prefix inside the bucket. Default "evidence/". */
  EVIDENCE_S3_PREFIX: z.string().default('evidence/'),
  /** Path-style URLs (bucket in the path), which most S3-compatible services need. Default true. */
  EVIDENCE_S3_FORCE_PATH_STYLE: booleanFlag.default(true),
};

/** A comma-separated list, blanks dropped. */
const commaList = z.string().transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean));

/** Trusted documents: operations a frontend was built with, sent by id (docs/frontend.md). */
const trustedDocumentSettings = {
  /**
   * Who may send an ad-hoc document (`query`) instead of a `documentId`: `off` (everyone),
   * `anonymous` (only tokens with a role in TRUSTED_DOCUMENTS_AD_HOC_ROLES; anonymous and citizen
   * traffic must send ids), `all` (nobody). Default off; set `anonymous` in production. In `anonymous`
   * mode our own services (a request with SUBGRAPH_SHARED_SECRET in X-Gateway-Secret, e.g.
   * project-office's reads) may also send documents, still as anonymous viewers.
   */
  TRUSTED_DOCUMENTS: z.enum(['off', 'anonymous', 'all']).default('off'),
  /** Manifests (JSON: "sha256:<hex>" -> document), comma-separated. Default the typed client's, <repo>/schema/client/src/gql/persisted-documents.json. */
  TRUSTED_DOCUMENTS_MANIFESTS: commaList.default([join(__dirname, '..', '..', 'schema', 'client', 'src', 'gql', 'persisted-documents.json')]),
  /** Roles whose tokens may send ad-hoc documents in `anonymous` mode. Default the staff: akimat_officer,project_office,ministry_editor,admin. */
  TRUSTED_DOCUMENTS_AD_HOC_ROLES: commaList.default(['akimat_officer', 'project_office', 'ministry_editor', 'admin']),
};

/** The response cache for anonymous queries (gateway/src/cache/, docs/frontend.md). */
const responseCacheSettings = {
  /**
   * `memory`: cache anonymous query answers in this process; `postgres`: in RESPONSE_CACHE_DATABASE_URL
   * (tables response_cache_* in the role's own schema, created at start), shared by every replica; `off`. Default memory in
   * production, off otherwise.
   */
  RESPONSE_CACHE: z.enum(['off', 'memory', 'postgres']).optional(),
  /** Longest life of a cached answer, for types without a hint (cache/cache-hints.ts). Default 30 s. */
  RESPONSE_CACHE_TTL_SECONDS: positiveInt(86_400).default(30),
  /** Answers kept (least recently used go first). Default 5000. */
  RESPONSE_CACHE_MAX_ENTRIES: positiveInt(10_000_000).default(5_000),
  /**
   * PostgreSQL the subgraphs write to: the gateway LISTENs there for their change notices
   * (channel rz_entity_changed), so a commit through any replica evicts what it changed. Unset:
   * only writes through this gateway evict, others age out by TTL. Required by RESPONSE_CACHE=postgres,
   * with the gateway's role (its schema first on its search_path). Default unset.
   */
  RESPONSE_CACHE_DATABASE_URL: z.url().optional(),
};

/** Metrics (/metrics) and request logs; traces are configured by the OTEL_* variables (docs/operations.md). */
const observabilitySettings = {
  ...metricsSettings,
};

const sections = {
  ...serverSettings,
  ...browserSettings,
  ...upstreamSettings,
  ...subgraphUrlSettings,
  // Tokens: verified by the same TokenVerifier and settings as the subgraphs (built once, for the
  // rate-limit key and evidence uploads). AUTH_JWKS_URL or AUTH_JWKS_FILE is required; issuer and
  // audience default to the development ones, the longest token lifetime to one day.
  ...authSettings,
  // Abusive queries: all refused before any subgraph is called (the subgraphs apply the same settings).
  ...queryLimitSettings,
  ...rateLimitSettings,
  ...webSocketSettings,
  ...evidenceSettings,
  ...observabilitySettings,
  ...trustedDocumentSettings,
  ...responseCacheSettings,
};

const shape = z
  .object(sections)
  .refine(...requireJwks)
  .refine((c) => !c.EVIDENCE_S3_ACCESS_KEY_ID === !c.EVIDENCE_S3_SECRET_ACCESS_KEY, {
    message: 'set both EVIDENCE_S3_ACCESS_KEY_ID and EVIDENCE_S3_SECRET_ACCESS_KEY, or neither',
    path: ['EVIDENCE_S3_ACCESS_KEY_ID'],
  });

type Parsed = z.output<typeof shape>;
type Section<S> = Pick<Parsed, keyof S & keyof Parsed>;

export type ServerConfig = Section<typeof serverSettings>;
export type BrowserConfig = Section<typeof browserSettings>;
export type UpstreamConfig = Section<typeof upstreamSettings> & { subgraphUrls: Record<SubgraphName, string> };
export type QueryLimitsConfig = Section<typeof queryLimitSettings>;
export type RateLimitsConfig = Section<typeof rateLimitSettings>;
export type WebSocketConfig = Section<typeof webSocketSettings>;
export type EvidenceConfig = Section<typeof evidenceSettings>;
export type ObservabilityConfig = Section<typeof observabilitySettings>;
export type TrustedDocumentsConfig = Section<typeof trustedDocumentSettings> & Pick<Parsed, 'SUBGRAPH_SHARED_SECRET'>;
export type ResponseCacheConfig = Section<typeof responseCacheSettings> & Pick<Parsed, 'NODE_ENV'>;

export type GatewayConfig = Parsed & UpstreamConfig;

/** The only place the gateway reads the environment; every bad variable is reported at once (ConfigError). */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const parsed = parseConfig(shape, env);
  const overrides = parsed as Record<string, unknown>;
  const subgraphUrls = Object.fromEntries(
    SUBGRAPHS.map(({ name }) => [name, (overrides[`${subgraphEnvPrefix(name)}URL`] as string | undefined) ?? subgraphUrl(name, parsed.SUBGRAPH_HOST)]),
  ) as Record<SubgraphName, string>;
  return { ...parsed, subgraphUrls };
}
