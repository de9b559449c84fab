import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from '@rz/infra';
import { startTestSystem, testToken, type TestSystem } from '@rz/test-support';

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Record<string, unknown>;
}

type OtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };
type OtlpAttribute = { key: string; value: OtlpValue };
interface OtlpTraces {
  resourceSpans: {
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: { spans: { traceId: string; spanId: string; parentSpanId?: string; name: string; attributes?: OtlpAttribute[] }[] }[];
  }[];
}

const valueOf = (v: OtlpValue) => v.stringValue ?? v.intValue ?? v.boolValue ?? v.doubleValue;
const attributes = (list: OtlpAttribute[] = []) => Object.fromEntries(list.map((a) => [a.key, valueOf(a.value)]));

/** A minimal OTLP/HTTP JSON collector: what the services export, kept in memory. */
async function startOtlpReceiver(): Promise<{ url: string; spans: ReceivedSpan[]; close(): Promise<void> }> {
  const spans: ReceivedSpan[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces' && /json/.test(req.headers['content-type'] ?? '')) {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpTraces;
        for (const resource of body.resourceSpans) {
          const service = String(attributes(resource.resource.attributes)['service.name']);
          for (const scope of resource.scopeSpans) {
            for (const s of scope.spans) spans.push({ service, traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId || undefined, name: s.name, attributes: attributes(s.attributes) });
          }
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } else {
        res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A span of the pg instrumentation (older and newer semantic conventions). */
const isSql = (s: ReceivedSpan) => (s.attributes['db.system'] ?? s.attributes['db.system.name']) === 'postgresql';

const isGatewayRequest = (s: ReceivedSpan) => s.service === 'gateway' && s.name === 'POST /graphql';

/** The trace as an indented tree of `service: span name` lines (for failure messages and the docs). */
function traceTree(spans: ReceivedSpan[]): string {
  const children = new Map<string | undefined, ReceivedSpan[]>();
  const ids = new Set(spans.map((s) => s.spanId));
  for (const s of spans) {
    const parent = s.parentSpanId && ids.has(s.parentSpanId) ? s.parentSpanId : undefined;
    children.set(parent, [...(children.get(parent) ?? []), s]);
  }
  const lines: string[] = [];
  const walk = (parent: string | undefined, depth: number) => {
    for (const s of children.get(parent) ?? []) {
      lines.push(`${'  '.repeat(depth)}${s.service}: ${s.name}`);
      walk(s.spanId, depth + 1);
    }
  };
  walk(undefined, 0);
  return lines.join('\n');
}

/** OpenTelemetry from the gateway through the subgraphs down to SQL: real processes exporting to an in-process OTLP receiver. */
describe('distributed tracing', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let system: TestSystem;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    // Short export delay, so the test does not wait the default 5 s for each batch.
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '100' };
    system = await startTestSystem({ gatewayEnv: env, subgraphEnv: env });
  }, 180_000);
  afterAll(async () => {
    await system?.close();
    await receiver?.close();
  });

  it('puts one cross-subgraph query in one trace: the gateway, the subgraphs it called and their SQL', async () => {
    const officer = await testToken({ roles: ['akimat_officer'], territory: '750000000', subject: 'tracing-officer' });
    // The caller's W3C trace context is continued, so the trace id is known in advance.
    const traceId = randomBytes(16).toString('hex');
    const res = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}`, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
      body: JSON.stringify({
        query: `query RegionTrace { territory(code: "750000000") { name(lang: EN) monuments(first: 3) { totalCount } complaints(first: 3) { totalCount } } }`,
      }),
    });
    const body = await res.json();
    expect(body.errors).toBeUndefined();

    const inTrace = () => receiver.spans.filter((s) => s.traceId === traceId);
    const complete = () => {
      const spans = inTrace();
      const services = new Set(spans.map((s) => s.service));
      // The gateway's server span ends last, so it may come in a later batch.
      return spans.some(isGatewayRequest) && ['atameken', 'rukhani-qazyna'].every((s) => services.has(s)) && spans.some((s) => s.service !== 'gateway' && isSql(s));
    };
    for (let i = 0; i < 100 && !complete(); i += 1) await sleep(100);
    const spans = inTrace();
    const tree = traceTree(spans);
    expect([complete(), tree]).toEqual([true, tree]);

    expect(spans.filter((s) => !s.parentSpanId || !spans.some((p) => p.spanId === s.parentSpanId)).map((s) => s.service)).toEqual(['gateway']);
    // Subgraph server spans are children of the gateway's outgoing fetches (traceparent went along).
    const gatewayIds = new Set(spans.filter((s) => s.service === 'gateway').map((s) => s.spanId));
    for (const subgraph of ['atameken', 'rukhani-qazyna']) {
      const roots = spans.filter((s) => s.service === subgraph && s.parentSpanId && gatewayIds.has(s.parentSpanId));
      expect(roots.length).toBeGreaterThan(0);
    }
    const sql = spans.filter(isSql);
    expect(sql.some((s) => /SELECT/i.test(String(s.attributes['db.statement'] ?? s.attributes['db.query.text'] ?? s.name)))).toBe(true);
    // Statements only: no bound values in span attributes.
    for (const s of sql) expect(Object.keys(s.attributes).filter((k) => /values|parameters/.test(k))).toEqual([]);
  });

  it('loads nothing of OpenTelemetry’s SDK when no endpoint is set', () => {
    // What an entry point does first, then what it loads next; which OpenTelemetry modules are in memory?
    const loaded = (env: Record<string, string>) =>
      JSON.parse(
        execFileSync(process.execPath, ['-e', `require('./infra/kit/dist/tracing/register'); require('express'); require('pg');
          console.log(JSON.stringify(Object.keys(require.cache).filter((k) => /@opentelemetry[\\/](sdk-trace|instrumentation|exporter)/.test(k)).length))`], {
          cwd: ROOT,
          env: { PATH: process.env.PATH, ...env },
        }).toString(),
      ) as number;
    expect(loaded({})).toBe(0);
    expect(loaded({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' })).toBeGreaterThan(0);
  });
});
