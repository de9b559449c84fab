import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** What the server answers to a recipient: accept, refuse with an SMTP reply code, or never answer. */
export type RecipientAnswer = 'accept' | 'hang' | { code: number; message?: string };

export interface TestSmtpServer {
  port: number;
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  /** Raw messages accepted so far, in order. */
  readonly accepted: readonly Buffer[];
  /** Decides each RCPT TO (default: accept), possibly later; `index` counts the RCPTs seen so far. */
  onRecipient: (address: string, index: number) => RecipientAnswer | Promise<RecipientAnswer>;
  /** The accepted messages parsed, once there are at least `count`. */
  waitForMessages(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

/** A real SMTP server in the test process (no TLS, no login): it keeps what it accepts. */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const accepted: Buffer[] = [];
  let rcpts = 0;
  const waiters = new Set<() => void>();
  const state: TestSmtpServer = {
    port: 0,
    url: '',
    accepted,
    onRecipient: () => 'accept',
    async waitForMessages(count, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (accepted.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails, the SMTP server accepted ${accepted.length}`);
        await new Promise<void>((resolve) => {
          const wake = () => (waiters.delete(wake), resolve());
          waiters.add(wake);
          setTimeout(wake, 100);
        });
      }
      return Promise.all(accepted.map((raw) => simpleParser(raw)));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      void Promise.resolve(state.onRecipient(address.address, rcpts++)).then((answer) => {
        if (answer === 'hang') return;
        if (answer === 'accept') return callback();
        callback(Object.assign(new Error(answer.message ?? 'Refused by the test server'), { responseCode: answer.code }));
      });
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        accepted.push(Buffer.concat(chunks));
        waiters.forEach((wake) => wake());
        callback();
      });
    },
  });
  // A client that dies mid-session (a killed sender) resets its connection; that is no server failure.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.server.address() as AddressInfo).port;
  state.url = `smtp://127.0.0.1:${state.port}`;
  return state;
}
