import { runService } from '@rz/service-kit';
import { loadGatewayConfig } from './config';
import { startGateway } from './server';

runService('gateway', () => startGateway(loadGatewayConfig()));
