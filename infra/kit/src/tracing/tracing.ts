import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { TracingSettings } from './tracing-settings';

/** Probes and scrapes would be most of the spans and tell nothing. */
const UNTRACED_PATHS = /^\/(health|ready|metrics)(\?|$)/;

/**
 * Registers the tracer provider (W3C trace context and baggage propagation, async-local
 * context) and the http, express, graphql, pg and undici instrumentations. Must run before
 * those modules are first required: see register.ts.
 */
export function startTracing(settings: TracingSettings): { shutdown(): Promise<void> } {
  const exporting = settings.OTEL_TRACES_EXPORTER === 'otlp' && settings.OTEL_EXPORTER_OTLP_ENDPOINT;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.OTEL_SERVICE_NAME }),
    spanProcessors: exporting
      ? [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${settings.OTEL_EXPORTER_OTLP_ENDPOINT!.replace(/\/+$/, '')}/v1/traces` }))]
      : [],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.test(req.url ?? '') }),
      // Route handlers only: a span per middleware (CORS, body parser, ...) says little.
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
      // Resolver spans for scalar fields would outnumber everything else.
      new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true }),
      // Statement text only: parameters may hold personal data.
      // Statement text only (parameters may hold personal data); only SQL inside a traced request,
      // not the outbox polling and LISTEN loops of every second.
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
      new UndiciInstrumentation(),
    ],
  });
  return { shutdown: () => provider.shutdown() };
}
