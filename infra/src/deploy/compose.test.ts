import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GATEWAY_NODE_OPTIONS, GATEWAY_PORT, SUBGRAPHS, subgraphDbSchema, subgraphEnvPrefix } from '@rz/contract';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { ROOT } from '../paths';

/** compose.yaml against the Compose Specification schema, and the observability files it mounts. */

const DEPLOY = join(ROOT, 'infra', 'deploy');
const read = (...path: string[]) => readFileSync(join(...path), 'utf8');

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; args: Record<string, string> };
  user?: string;
  read_only?: boolean;
  cap_drop?: string[];
  security_opt?: string[];
  tmpfs?: string[];
  environment?: Record<string, string>;
  volumes?: (string | { type: string; source: string; target: string })[];
  ports?: string[];
}
interface Compose {
  services: Record<string, ComposeService>;
}

// Merge keys (<<: *service) as Docker Compose reads them.
const loadCompose = (): Compose => parse(read(ROOT, 'compose.yaml'), { merge: true });

function composeValidator() {
  const { $schema: _draft, ...schema } = JSON.parse(read(DEPLOY, 'schemas', 'compose-spec.json'));
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

/** Host files a service mounts (relative to the repository root). */
const hostMounts = (service: ComposeService) =>
  (service.volumes ?? []).map((v) => (typeof v === 'string' ? v.split(':')[0] : v.source)).filter((source) => source.startsWith('./'));

/** The metric names infra/deploy/README.md promises; the metrics endpoint must use exactly these. */
const METRICS = [
  'rz_http_requests_total',
  'rz_http_request_duration_seconds',
  'rz_graphql_operations_total',
  'rz_graphql_operation_duration_seconds',
  'rz_subgraph_fetch_duration_seconds',
  'rz_subgraph_fetch_errors_total',
  'rz_subgraph_fetches_deduplicated_total',
  'rz_subgraph_fetches_merged_total',
  'rz_websocket_open',
  'rz_subscriptions_active',
  'rz_upstream_subscriptions_active',
  'rz_outbox_pending_events',
  'rz_outbox_oldest_event_age_seconds',
  'rz_notification_outbox_pending',
  'rz_notification_outbox_oldest_age_seconds',
  'rz_mail_pending',
  'rz_mail_dead',
  'rz_pg_pool_in_use',
  'rz_pg_pool_waiting',
  'rz_limit_refusals_total',
  'rz_query_limit_refusals_total',
  'process_cpu_seconds_total',
  'process_resident_memory_bytes',
];

describe('compose.yaml', () => {
  const compose = loadCompose();
  const apps = [...SUBGRAPHS.map((s) => s.name), 'gateway'];

  it('follows the Compose Specification', () => {
    const validate = composeValidator();
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
  });

  it('is checked by a schema that does reject mistakes', () => {
    const validate = composeValidator();
    const broken = structuredClone(compose) as unknown as { services: Record<string, Record<string, unknown>> };
    broken.services.gateway.restart_policy = 'always';
    expect(validate(broken)).toBe(false);
    expect(validate.errors).toEqual(expect.arrayContaining([expect.objectContaining({ params: { additionalProperty: 'restart_policy' } })]));
  });

  it('runs PostgreSQL 17, every subgraph, the gateway, Prometheus, Grafana and Jaeger', () => {
    expect(Object.keys(compose.services).sort()).toEqual([...apps, 'postgres', 'prometheus', 'grafana', 'jaeger'].sort());
    expect(compose.services.postgres.image).toMatch(/^postgres:17([.-]|$)/);
  });

  it('builds each service from the Dockerfile and runs it on its port from the subgraph list', () => {
    for (const { name, port } of [...SUBGRAPHS, { name: 'gateway', port: GATEWAY_PORT }]) {
      const service = compose.services[name];
      expect([name, service.build]).toEqual([name, { context: '.', dockerfile: 'infra/deploy/Dockerfile', args: { SERVICE: name === 'gateway' ? 'gateway' : `subgraphs/${name}` } }]);
      expect([name, service.environment?.PORT]).toEqual([name, String(port)]);
    }
    expect(compose.services.gateway.environment?.NODE_OPTIONS).toBe(GATEWAY_NODE_OPTIONS);
    for (const { name, port } of SUBGRAPHS) {
      expect([name, compose.services.gateway.environment?.[`${subgraphEnvPrefix(name)}URL`]]).toEqual([name, `http://${name}:${port}/graphql`]);
      // Each subgraph connects as its own role, created by infra/deploy/postgres/init.sh.
      expect([name, compose.services[name].environment?.DATABASE_URL]).toEqual([name, expect.stringMatching(new RegExp(`^postgres://${subgraphDbSchema(name)}:`))]);
    }
  });

  it('creates a role and schema for every subgraph when PostgreSQL starts empty', () => {
    const init = read(DEPLOY, 'postgres', 'init.sh');
    const roles = init.match(/^for role in ([a-z_ ]+); do$/m)?.[1].split(' ');
    expect(roles).toEqual([...SUBGRAPHS.map((s) => subgraphDbSchema(s.name)), 'gateway']);
    expect(compose.services.postgres.volumes).toContain('./infra/deploy/postgres/init.sh:/docker-entrypoint-initdb.d/10-rukhani-zhangyru.sh:ro');
  });

  it('hardens every service as Kubernetes does: non-root, read-only, no capabilities', () => {
    for (const name of apps) {
      const s = compose.services[name];
      expect([name, s.user, s.read_only, s.cap_drop, s.security_opt, s.tmpfs]).toEqual([name, '1000:1000', true, ['ALL'], ['no-new-privileges:true'], ['/tmp']]);
      expect([name, s.environment?.NODE_ENV]).toEqual([name, 'production']);
    }
  });

  it('sets the token issuer and audience explicitly and mounts only the public JWKS', () => {
    for (const name of apps) {
      const env = compose.services[name].environment ?? {};
      expect([name, env.AUTH_ISSUER, env.AUTH_AUDIENCE, env.AUTH_JWKS_FILE]).toEqual([name, expect.any(String), expect.any(String), '/run/rz/jwks.json']);
      expect([name, hostMounts(compose.services[name]).filter((m) => m.startsWith('./.data'))]).toEqual([name, ['./.data/keys/jwks.json']]);
    }
  });

  it('sends every service’s traces to Jaeger over OTLP', () => {
    expect(compose.services.jaeger.image).toMatch(/^jaegertracing\/all-in-one:/);
    expect(compose.services.jaeger.environment?.COLLECTOR_OTLP_ENABLED).toBe('true');
    for (const name of apps) {
      const env = compose.services[name].environment ?? {};
      expect([name, env.OTEL_EXPORTER_OTLP_ENDPOINT, env.OTEL_SERVICE_NAME]).toEqual([name, 'http://jaeger:4318', name]);
    }
  });

  it('protects every service’s /metrics with the token Prometheus sends', () => {
    const raw = parse(read(ROOT, 'compose.yaml'), { merge: true }) as Compose & { configs: Record<string, { content: string }> };
    const token = raw.configs['metrics-token'].content;
    expect(token.length).toBeGreaterThanOrEqual(32);
    for (const name of apps) expect([name, compose.services[name].environment?.METRICS_TOKEN]).toEqual([name, token]);
    const prometheus = compose.services.prometheus as ComposeService & { configs?: { source: string; target: string }[] };
    const config = parse(read(DEPLOY, 'prometheus', 'prometheus.yml'));
    const job = config.scrape_configs.find((j: { job_name: string }) => j.job_name === 'rukhani-zhangyru');
    expect(prometheus.configs).toContainEqual({ source: 'metrics-token', target: job.authorization.credentials_file });
  });

  it('mounts only files that exist', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const source of hostMounts(service).filter((m) => !m.startsWith('./.data'))) expect([name, source, existsSync(join(ROOT, source))]).toEqual([name, source, true]);
    }
  });
});

describe('Prometheus and Grafana (infra/deploy)', () => {
  it('scrapes every service on its port', () => {
    const config = parse(read(DEPLOY, 'prometheus', 'prometheus.yml'));
    const job = config.scrape_configs.find((j: { job_name: string }) => j.job_name === 'rukhani-zhangyru');
    const targets = job.static_configs.map((c: { targets: string[]; labels: { service: string } }) => [c.labels.service, c.targets]);
    expect(targets).toEqual(
      expect.arrayContaining([...SUBGRAPHS, { name: 'gateway', port: GATEWAY_PORT }].map(({ name, port }) => [name, [`${name}:${port}`]])),
    );
    expect(targets).toHaveLength(SUBGRAPHS.length + 1);
  });

  it('provisions the datasources the dashboard uses', () => {
    const { datasources } = parse(read(DEPLOY, 'grafana', 'provisioning', 'datasources', 'datasources.yaml'));
    const uids = datasources.map((d: { uid: string }) => d.uid);
    const dashboard = JSON.parse(read(DEPLOY, 'grafana', 'dashboards', 'rukhani-zhangyru.json'));
    // Every `datasource` reference in panels, queries and variables.
    const used = new Set<string>();
    JSON.stringify(dashboard, (key, value) => (key === 'datasource' && used.add(value.uid), value));
    expect(used.size).toBeGreaterThan(0);
    for (const uid of used) expect(uids).toContain(uid);
    expect(datasources.find((d: { uid: string }) => d.uid === 'rz-prometheus').url).toBe('http://prometheus:9090');
  });

  it('charts every documented metric, and documents every metric it charts', () => {
    const dashboard = JSON.parse(read(DEPLOY, 'grafana', 'dashboards', 'rukhani-zhangyru.json'));
    const exprs: string[] = dashboard.panels.flatMap((p: { targets?: { expr: string }[] }) => (p.targets ?? []).map((t) => t.expr));
    const charted = new Set(exprs.flatMap((e) => e.match(/\b(rz|process)_[a-z_]+?(?=_bucket\b|\b)/g) ?? []));
    expect([...charted].sort()).toEqual([...METRICS].sort());
    const readme = read(DEPLOY, 'README.md');
    for (const metric of METRICS) expect([metric, readme.includes(`\`${metric}\``)]).toEqual([metric, true]);
  });
});
