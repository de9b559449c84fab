import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GATEWAY_NODE_OPTIONS, GATEWAY_PORT, SUBGRAPHS, subgraphEnvPrefix, subgraphInfo } from '@rz/contract';
import * as apps from 'kubernetes-models/apps/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import * as batch from 'kubernetes-models/batch/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import * as policy from 'kubernetes-models/policy/v1';
import * as core from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';
import { DEV_AUDIENCE, DEV_ISSUER } from '../auth/dev-keys';
import { ROOT } from '../paths';

/** The Kubernetes objects in infra/deploy/k8s, checked against the Kubernetes schemas and the rules of this deployment. */

const K8S_DIR = join(ROOT, 'infra', 'deploy', 'k8s');

/** Subgraphs whose definitions set producesNotifications: their relays post to the notifications intake. */
const NOTIFICATION_PRODUCERS = ['tarbie-bilim', 'atameken', 'aqparat-tolqyny', 'project-office'];

// The shapes this test reads; the schemas (kubernetes-models) check the rest.
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  data?: Record<string, string>;
  file: string;
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
  };
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: unknown[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: {
    runAsNonRoot?: boolean;
    runAsUser?: number;
    readOnlyRootFilesystem?: boolean;
    allowPrivilegeEscalation?: boolean;
    privileged?: boolean;
    capabilities?: { drop?: string[]; add?: string[] };
  };
  volumeMounts?: { name: string; mountPath: string }[];
  startupProbe?: unknown;
  readinessProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string } };
}
interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: {
    automountServiceAccountToken?: boolean;
    securityContext?: { runAsNonRoot?: boolean };
    containers: Container[];
    initContainers?: Container[];
    volumes?: { name: string; emptyDir?: unknown }[];
  };
}
interface Peer {
  podSelector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
  namespaceSelector?: unknown;
  ipBlock?: unknown;
}

function loadManifests(dir: string): K8sObject[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .flatMap((file) =>
      parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map((doc) => {
        if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
        return { ...(doc.toJS() as Omit<K8sObject, 'file'>), file };
      }),
    )
    .filter((o) => o.kind);
}

const MODELS: Record<string, Record<string, unknown>> = {
  v1: core,
  'apps/v1': apps,
  'batch/v1': batch,
  'autoscaling/v2': autoscaling,
  'policy/v1': policy,
  'networking.k8s.io/v1': networking,
};

/** Throws the schema's complaints, or that no schema is known for the kind. */
function validateAgainstSchema(object: Omit<K8sObject, 'file'>): void {
  const Model = MODELS[object.apiVersion]?.[object.kind] as (new (data: unknown) => { validate(): void }) | undefined;
  if (!Model) throw new Error(`no Kubernetes schema for ${object.apiVersion} ${object.kind}`);
  new Model(object).validate();
}

const objects = loadManifests(K8S_DIR);
const byKind = (kind: string) => objects.filter((o) => o.kind === kind);
const named = (kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} named ${name}`);
  return found;
};

const deployments = byKind('Deployment');
const jobs = byKind('Job');
const workloads = [...deployments, ...jobs];
const templateOf = (o: K8sObject): PodTemplate => o.spec.template;
const containersOf = (o: K8sObject): Container[] => [...templateOf(o).spec.containers, ...(templateOf(o).spec.initContainers ?? [])];
const allContainers = workloads.flatMap((w) => containersOf(w).map((c) => [`${w.kind} ${w.metadata.name}/${c.name}`, c] as const));
const envOf = (c: Container, name: string) => c.env?.find((e) => e.name === name);

const matches = (selector: Record<string, string> | undefined, labels: Record<string, string>) =>
  Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v);

/** The value a container gets for a variable: literal, or from a ConfigMap in these manifests. Secrets are not resolved. */
function resolvedValue(c: Container, name: string): string | undefined {
  const env = envOf(c, name);
  if (!env) return undefined;
  if (env.value !== undefined) return env.value;
  const ref = env.valueFrom?.configMapKeyRef;
  if (!ref || ref.optional) return undefined;
  return named('ConfigMap', ref.name).data?.[ref.key];
}

describe('Kubernetes manifests (infra/deploy/k8s)', () => {
  it('are all valid Kubernetes objects', () => {
    expect(objects.length).toBeGreaterThan(20);
    const problems = objects.flatMap((o) => {
      try {
        validateAgainstSchema(o);
        return [];
      } catch (error) {
        return [`${o.file}: ${o.kind} ${o.metadata?.name}: ${(error as Error).message}`];
      }
    });
    expect(problems).toEqual([]);
  });

  it('are checked by schemas that do reject mistakes', () => {
    const deployment = structuredClone(named('Deployment', 'gateway')) as Partial<K8sObject>;
    delete deployment.file;
    deployment.spec.template.spec.containers[0].ports[0].containerPort = '4000';
    deployment.spec.template.spec.containers[0].securityContext.runAsNonRoot = 'yes';
    expect(() => validateAgainstSchema(deployment as K8sObject)).toThrow(/containerPort must be integer[\s\S]*runAsNonRoot must be boolean/);
    expect(() => validateAgainstSchema({ apiVersion: 'v1', kind: 'Nonsense', metadata: { name: 'x' } })).toThrow(/no Kubernetes schema/);
  });

  it('run each subgraph of schema/contract/src/subgraphs.ts on its port, and nothing else besides the gateway', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual([...SUBGRAPHS.map((s) => s.name), 'gateway'].sort());
    for (const { name, port } of SUBGRAPHS) {
      const container = containersOf(named('Deployment', name))[0];
      expect([name, container.image]).toEqual([name, `rz/${name}:latest`]);
      expect([name, container.ports]).toEqual([name, [{ name: 'http', containerPort: port }]]);
      expect([name, resolvedValue(container, 'PORT')]).toEqual([name, String(port)]);
      expect([name, named('Service', name).spec.ports]).toEqual([name, [{ name: 'http', port, targetPort: 'http' }]]);
      // Each subgraph connects as its own role (see infra/deploy/README.md).
      expect([name, envOf(container, 'DATABASE_URL')?.valueFrom?.secretKeyRef]).toEqual([name, { name: 'rz-database', key: name }]);
    }
    const gateway = containersOf(named('Deployment', 'gateway'))[0];
    expect(gateway.ports).toEqual([{ name: 'http', containerPort: GATEWAY_PORT }]);
    expect(resolvedValue(gateway, 'PORT')).toBe(String(GATEWAY_PORT));
    // The heap cap the dev orchestrator and compose also use.
    expect(resolvedValue(gateway, 'NODE_OPTIONS')).toBe(GATEWAY_NODE_OPTIONS);
  });

  it('point the gateway at every subgraph through its Service', () => {
    const gateway = containersOf(named('Deployment', 'gateway'))[0];
    for (const { name, port } of SUBGRAPHS) {
      expect([name, resolvedValue(gateway, `${subgraphEnvPrefix(name)}URL`)]).toEqual([name, `http://${name}:${port}/graphql`]);
    }
  });

  it('point each notification producer at the notifications Service, which nothing else needs', () => {
    for (const { name } of SUBGRAPHS) {
      const url = envOf(containersOf(named('Deployment', name))[0], 'NOTIFICATIONS_URL')?.value;
      expect([name, url]).toEqual([name, NOTIFICATION_PRODUCERS.includes(name) ? `http://notifications:${subgraphInfo('notifications').port}` : undefined]);
    }
  });

  it('migrate each subgraph from a job, and start the Deployments without migrating', () => {
    expect(jobs.map((j) => j.metadata.name).sort()).toEqual(SUBGRAPHS.map((s) => `${s.name}-migrate`).sort());
    for (const { name } of SUBGRAPHS) {
      const [migrate] = containersOf(named('Job', `${name}-migrate`));
      expect([name, migrate.image, migrate.command]).toEqual([name, `rz/${name}:latest`, ['node', 'subgraphs/runtime/dist/database/migrate.js', `subgraphs/${name}`]]);
      expect([name, envOf(migrate, 'DATABASE_URL')]).toEqual([name, envOf(containersOf(named('Deployment', name))[0], 'DATABASE_URL')]);
      expect([name, resolvedValue(containersOf(named('Deployment', name))[0], 'MIGRATE_ON_START')]).toEqual([name, 'false']);
    }
  });

  it('run every container as a non-root user on a read-only root filesystem, without privileges, with a writable /tmp', () => {
    for (const workload of workloads) {
      const pod = templateOf(workload).spec;
      expect([workload.metadata.name, pod.securityContext?.runAsNonRoot, pod.automountServiceAccountToken]).toEqual([workload.metadata.name, true, false]);
    }
    for (const [where, c] of allContainers) {
      const s = c.securityContext ?? {};
      expect([where, s.runAsNonRoot, s.readOnlyRootFilesystem, s.allowPrivilegeEscalation, s.privileged ?? false]).toEqual([where, true, true, false, false]);
      expect([where, (s.runAsUser ?? 0) > 0]).toEqual([where, true]);
      expect([where, s.capabilities?.drop, s.capabilities?.add ?? []]).toEqual([where, ['ALL'], []]);
      const tmp = c.volumeMounts?.find((m) => m.mountPath === '/tmp');
      const workload = workloads.find((w) => containersOf(w).includes(c))!;
      const volume = templateOf(workload).spec.volumes?.find((v) => v.name === tmp?.name);
      expect([where, volume?.emptyDir !== undefined]).toEqual([where, true]);
    }
  });

  it('give every container CPU and memory requests and limits', () => {
    for (const [where, c] of allContainers) {
      expect([where, Object.keys(c.resources?.requests ?? {}).sort(), Object.keys(c.resources?.limits ?? {}).sort()]).toEqual([
        where,
        ['cpu', 'memory'],
        ['cpu', 'memory'],
      ]);
    }
  });

  it('pass secrets only by reference, never as literal values or Secret objects', () => {
    expect(byKind('Secret')).toEqual([]);
    for (const [where, c] of allContainers) {
      expect([where, c.envFrom ?? []]).toEqual([where, []]);
      for (const env of c.env ?? []) {
        const secretLike = /SECRET|PASSWORD|TOKEN|DATABASE_URL|ACCESS_KEY|PRIVATE/.test(env.name);
        if (secretLike) expect([where, env.name, env.value, env.valueFrom?.secretKeyRef?.name]).toEqual([where, env.name, undefined, expect.any(String)]);
        // Credentials inside a literal URL are a secret too.
        if (env.value) expect([where, env.name, /:\/\/[^/@\s]+:[^/@\s]+@/.test(env.value)]).toEqual([where, env.name, false]);
      }
    }
    for (const map of byKind('ConfigMap')) {
      for (const [key, value] of Object.entries(map.data ?? {})) {
        expect([key, /secret|password|token|private/i.test(key), /:\/\/[^/@\s]+:[^/@\s]+@/.test(value)]).toEqual([key, false, false]);
      }
    }
  });

  it('set the token issuer, audience and keys explicitly in every service and job, not the development ones', () => {
    for (const [where, c] of allContainers) {
      expect([where, resolvedValue(c, 'NODE_ENV')]).toEqual([where, 'production']);
      const issuer = resolvedValue(c, 'AUTH_ISSUER');
      const audience = resolvedValue(c, 'AUTH_AUDIENCE');
      expect([where, !!issuer, issuer === DEV_ISSUER, !!audience, audience === DEV_AUDIENCE]).toEqual([where, true, false, true, false]);
      expect([where, resolvedValue(c, 'AUTH_JWKS_URL')]).toEqual([where, expect.stringMatching(/^https:\/\//)]);
      expect([where, envOf(c, 'AUTH_JWKS_FILE')]).toEqual([where, undefined]);
    }
  });

  it('set the public base URL of the links the API returns explicitly (QR codes, monument pages, evidence)', () => {
    for (const name of ['rukhani-qazyna', 'atameken']) {
      for (const workload of [named('Deployment', name), named('Job', `${name}-migrate`)]) {
        expect([workload.metadata.name, resolvedValue(containersOf(workload)[0], 'PUBLIC_BASE_URL')]).toEqual([workload.metadata.name, expect.stringMatching(/^https:\/\/[^/]+$/)]);
      }
    }
  });

  it('pass the evidence secret to the gateway and atameken', () => {
    for (const name of ['gateway', 'atameken']) {
      expect(envOf(containersOf(named('Deployment', name))[0], 'EVIDENCE_SECRET')?.valueFrom?.secretKeyRef).toEqual({ name: 'rz-evidence', key: 'secret' });
    }
  });

  it('keep the gateway’s response cache in PostgreSQL, with the gateway role’s URL by reference, and require trusted documents of the public', () => {
    const gateway = containersOf(named('Deployment', 'gateway'))[0];
    expect(resolvedValue(gateway, 'RESPONSE_CACHE')).toBe('postgres');
    expect(resolvedValue(gateway, 'TRUSTED_DOCUMENTS')).toBe('anonymous');
    expect(envOf(gateway, 'RESPONSE_CACHE_DATABASE_URL')?.valueFrom?.secretKeyRef).toEqual({ name: 'rz-database', key: 'gateway' });
  });

  it('give every Deployment the metrics token by reference, so /metrics is served', () => {
    for (const d of deployments) {
      expect([d.metadata.name, envOf(containersOf(d)[0], 'METRICS_TOKEN')?.valueFrom?.secretKeyRef]).toEqual([d.metadata.name, { name: 'rz-metrics', key: 'token' }]);
    }
  });

  it('probe every Deployment for start, readiness and liveness', () => {
    for (const d of deployments) {
      const c = containersOf(d)[0];
      expect([d.metadata.name, !!c.startupProbe, c.readinessProbe?.httpGet?.path, c.livenessProbe?.httpGet?.path]).toEqual([d.metadata.name, true, '/ready', '/health']);
    }
  });

  it('scale every Deployment with an autoscaler and keep one pod through disruptions', () => {
    for (const d of deployments) {
      const name = d.metadata.name;
      // The autoscaler owns the replica count; a count in the Deployment would reset it on every apply.
      expect([name, d.spec.replicas]).toEqual([name, undefined]);
      const hpas = byKind('HorizontalPodAutoscaler').filter((h) => h.spec.scaleTargetRef.kind === 'Deployment' && h.spec.scaleTargetRef.name === name);
      expect([name, hpas.length]).toEqual([name, 1]);
      const { minReplicas, maxReplicas } = hpas[0].spec;
      expect([name, minReplicas >= 2, maxReplicas >= minReplicas]).toEqual([name, true, true]);
      const labels = templateOf(d).metadata.labels;
      const pdbs = byKind('PodDisruptionBudget').filter((p) => matches(p.spec.selector.matchLabels, labels));
      expect([name, pdbs.length]).toEqual([name, 1]);
      // A drain can still evict a pod: the budget keeps fewer pods than the autoscaler's minimum.
      expect([name, pdbs[0].spec.minAvailable < minReplicas]).toEqual([name, true]);
    }
  });

  it('let only the gateway reach the subgraphs, on their own port (and the producers the notifications intake)', () => {
    const policies = byKind('NetworkPolicy');
    for (const { name, port } of SUBGRAPHS) {
      const admitted = name === 'notifications' ? ['gateway', ...NOTIFICATION_PRODUCERS] : ['gateway'];
      const admittedLabels = admitted.map((app) => templateOf(named('Deployment', app)).metadata.labels);
      const otherPods = workloads.filter((w) => !admitted.includes(w.metadata.name)).map((w) => templateOf(w).metadata.labels);
      const labels = templateOf(named('Deployment', name)).metadata.labels;
      const selecting = policies.filter((p) => !p.spec.podSelector.matchExpressions && matches(p.spec.podSelector.matchLabels, labels));
      expect([name, selecting.some((p) => p.spec.policyTypes?.includes('Ingress'))]).toEqual([name, true]);
      const rules: { from?: Peer[]; ports?: { port: number }[] }[] = selecting.flatMap((p) => p.spec.ingress ?? []);
      expect([name, rules.length > 0]).toEqual([name, true]);
      for (const rule of rules) {
        // An ingress rule without `from` admits every source.
        expect([name, (rule.from ?? []).length > 0]).toEqual([name, true]);
        expect([name, rule.ports?.map((p) => p.port)]).toEqual([name, [port]]);
        for (const peer of rule.from ?? []) {
          expect([name, peer.namespaceSelector, peer.ipBlock, peer.podSelector?.matchExpressions]).toEqual([name, undefined, undefined, undefined]);
          expect([name, admittedLabels.some((l) => matches(peer.podSelector?.matchLabels, l))]).toEqual([name, true]);
          expect([name, otherPods.filter((l) => matches(peer.podSelector?.matchLabels, l))]).toEqual([name, []]);
        }
      }
    }
  });

  it('route /graphql, /q, the monument pages in every language, /dashboard and /evidence to the gateway', () => {
    const [ingress] = byKind('Ingress');
    const paths: { path: string; backend: { service: { name: string; port: { name?: string; number?: number } } } }[] = ingress.spec.rules.flatMap(
      (r: { http: { paths: unknown[] } }) => r.http.paths,
    );
    expect(paths.map((p) => p.path).sort()).toEqual(['/dashboard', '/en/monuments', '/evidence', '/graphql', '/kk/monuments', '/q', '/ru/monuments']);
    const gatewayService = named('Service', 'gateway');
    for (const { path, backend } of paths) {
      expect([path, backend.service.name]).toEqual([path, 'gateway']);
      expect([path, gatewayService.spec.ports.some((p: { name: string }) => p.name === backend.service.port.name)]).toEqual([path, true]);
    }
  });
});
