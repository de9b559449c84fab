import { loadGatewayConfig } from './config';
import { startGateway, type RunningGateway } from './server';

let running: RunningGateway | undefined;
const shutdown = async () => {
  await running?.stop();
  process.exit(0);
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);

Promise.resolve()
  .then(() => startGateway(loadGatewayConfig()))
  .then((gateway) => (running = gateway))
  .catch((error: Error) => {
    process.stderr.write(`gateway failed to start: ${error.message}\n`);
    process.exit(1);
  });
