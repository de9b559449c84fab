import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@rz/service-kit';
import express from 'express';
import { unhandledErrors } from './unhandled-errors';

describe('unhandled errors', () => {
  it('answer a coded JSON 500 without the error or its stack', async () => {
    const app = express();
    app.get('/boom', () => {
      throw new RangeError('Maximum call stack size exceeded at secret/path.js');
    });
    app.use(unhandledErrors(createLogger('gateway', 'silent')));
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/boom`);
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      expect(text).not.toContain('secret');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
