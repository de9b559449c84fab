/**
 * The first import of every entry point (`import '@rz/service-kit/dist/tracing/register'`):
 * starts OpenTelemetry before http, express, graphql, pg or undici are loaded, when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set. Otherwise the SDK is not even required.
 */
import { tracingSettings } from './tracing-settings';
import { setTracingShutdown } from './tracing-shutdown';

const settings = tracingSettings(process.env);
if (settings) {
  // Loaded only now, so that a process without tracing pays nothing for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startTracing } = require('./tracing') as typeof import('./tracing');
  setTracingShutdown(startTracing(settings).shutdown);
}
