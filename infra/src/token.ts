import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { kato } from '@rz/schema';
import { ensureDevKeys, signDevToken } from './auth/dev-keys';
import { loadInfraConfig } from './config';

/**
 * `npm run -s token -- --role akimat_officer --territory 750000000` prints a development token and
 * nothing else on stdout, so `TOKEN=$(npm run -s token ...)` captures just the token.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true, default: ['citizen'] },
      territory: { type: 'string' },
      subprogramme: { type: 'string' },
      subject: { type: 'string' },
      eds: { type: 'boolean', default: false },
      expires: { type: 'string', default: '12h' },
    },
  });
  if (values.territory) kato().require(values.territory, '--territory');
  const keys = await ensureDevKeys(join(loadInfraConfig().DATA_DIR, 'keys'));
  const token = await signDevToken(keys, {
    roles: values.role,
    territory: values.territory,
    subprogramme: values.subprogramme,
    subject: values.subject,
    eds: values.eds,
    expiresIn: values.expires,
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
