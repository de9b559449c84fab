import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { ROOT } from './paths';

describe('npm run -s token', () => {
  it('prints only the token on stdout, so TOKEN=$(npm run -s token ...) captures it whole', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '-s', 'token', '--', '--role', 'akimat_officer', '--territory', '750000000'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: mkdtempSync(join(tmpdir(), 'rz-token-')) },
      timeout: 120_000,
    });
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(decodeJwt(stdout.trim())).toMatchObject({ roles: ['akimat_officer'], territory: '750000000' });
  }, 150_000);
});
