import { runService } from '@rz/service-kit';
import { loadGatewayConfig } from './config';
import { startGateway } from './http/server';

runService('gateway', () => startGateway(loadGatewayConfig()));
