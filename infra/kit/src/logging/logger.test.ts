import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { createLogger } from './logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger('test', 'info', stream) };
}

describe('logger', () => {
  it('logs a failed statement without the values it carried (parameters, pg detail)', () => {
    const { lines, logger } = capture();
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "volunteer_email_key"'), {
      code: '23505',
      constraint: 'volunteer_email_key',
      detail: 'Key (email)=(aigerim@example.kz) already exists.',
    });
    const error = new QueryFailedError('INSERT INTO volunteer (name, phone, email) VALUES ($1, $2, $3)', ['Айгерім', '+77011234567', 'aigerim@example.kz'], driverError);
    logger.error({ err: error }, 'unexpected error');
    const line = lines.join('');
    expect(line).toContain('volunteer_email_key');
    expect(line).toContain('INSERT INTO volunteer');
    for (const value of ['Айгерім', '+77011234567', 'aigerim@example.kz']) expect(line).not.toContain(value);
  });

  it('drops contact fields and authorization headers from logged objects', () => {
    const { lines, logger } = capture();
    logger.info({ volunteer: { id: 'v1', phone: '+77011234567', email: 'a@b.kz' }, req: { headers: { authorization: 'Bearer secret' } } }, 'x');
    const line = lines.join('');
    expect(line).toContain('v1');
    for (const value of ['+77011234567', 'a@b.kz', 'Bearer secret']) expect(line).not.toContain(value);
  });
});
