import { z } from 'zod';
import { parseConfig } from '../config/parse-config';

/**
 * The OpenTelemetry settings, read before anything else loads (see register.ts), so not
 * from a service's config module; every service reads the same ones.
 */
const tracingShape = z.object({
  /** OTLP/HTTP collector base URL (spans go to <url>/v1/traces as JSON). Unset: tracing is off and nothing of it is loaded. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  /** `otlp` (default) or `none`: spans are made and propagated (trace ids in logs) but not exported. */
  OTEL_TRACES_EXPORTER: z.enum(['otlp', 'none']).default('otlp'),
  /** The `service.name` resource attribute. */
  OTEL_SERVICE_NAME: z.string().default('unknown_service:node'),
});

export type TracingSettings = z.output<typeof tracingShape>;

/** Whether to trace: an endpoint to export to, or an explicit `OTEL_TRACES_EXPORTER=none`. */
export function tracingSettings(env: Record<string, string | undefined>): TracingSettings | undefined {
  const settings = parseConfig(tracingShape, env);
  const wanted = !!settings.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_TRACES_EXPORTER === 'none';
  return wanted ? settings : undefined;
}
