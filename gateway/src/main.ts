// First: tracing (when configured) must be registered before http, express, graphql and pg load.
import '@rz/service-kit/dist/tracing/register';
import { runService } from '@rz/service-kit';
import { loadGatewayConfig } from './config';
import { startGateway } from './http/server';

runService('gateway', () => startGateway(loadGatewayConfig()));
