import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from 'graphql-ws';
import { startTestSystem, subscribe, testToken, wsClient, type TestSystem } from '@rz/test-support';
import { fileComplaint } from '../live-complaints/complaints.support';

const LIVE = `subscription($territory: ID, $after: String) {
  complaintStatusChanged(territory: $territory, after: $after) {
    cursor
    to
    complaint { id monument { name(lang: EN) } }
  }
}`;

/** What must never reach a client in production: addresses, ports, stacks, internal service names. */
const INTERNALS = /127\.0\.0\.1|localhost|ECONNREFUSED|stacktrace|serviceName|rukhani|at [A-Za-z.]+ \(/;

/**
 * The real gateway in production mode, in front of the real subgraphs: errors on the
 * WebSocket path go through the same formatter as HTTP ones, masked and coded.
 */
describe('subscription errors in production mode', () => {
  let system: TestSystem;
  let author: string;
  const clients: Client[] = [];
  const client = () => {
    const c = wsClient(system.gatewayUrl);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    system = await startTestSystem({ seedDemo: false, gatewayEnv: { NODE_ENV: 'production' } });
    author = await testToken({ roles: ['citizen'], subject: 'author-subscription-errors' });
  }, 180_000);
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });
  afterAll(() => system?.close());

  it('keeps a client error from a subgraph its code and message: a malformed cursor is BAD_USER_INPUT from atameken', async () => {
    const live = subscribe(client(), LIVE, { territory: '750000000', after: 'not-a-cursor' });
    const errors = (await live.failure()) as { message: string; extensions?: Record<string, unknown> }[];
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ message: expect.stringMatching(/^Malformed cursor/), extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
    expect(JSON.stringify(errors)).not.toMatch(INTERNALS);
  });

  it('codes a refused operation as HTTP does, without schema suggestions', async () => {
    const typo = subscribe(client(), 'subscription { complaintStatusChanged { cursr } }');
    const errors = (await typo.failure()) as { message: string; extensions?: Record<string, unknown> }[];
    expect(errors[0]).toMatchObject({ message: expect.stringContaining('cursr'), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(JSON.stringify(errors)).not.toMatch(/Did you mean/);
  });

  it('masks a failure while completing an event: the outage is coded SUBGRAPH_UNAVAILABLE at its path, with no address, message or stack', async () => {
    const { stableId } = await import('@rz/subgraph-runtime');
    const live = subscribe(client(), LIVE, { territory: '751710000' });
    await sleep(300);
    // The event comes from atameken; the monument's name must come from rukhani-qazyna, which is down.
    const monuments = system.services.get('rukhani-qazyna')!;
    const exited = new Promise((resolve) => monuments.child.once('exit', resolve));
    monuments.child.kill('SIGKILL');
    await exited;
    const id = await fileComplaint(system.gatewayUrl, author, { territory: '751710000', monument: stableId('monument:KZH049') });

    const [event] = await live.take(1);
    expect(event.data?.complaintStatusChanged).toMatchObject({ to: 'SUBMITTED', complaint: { id } });
    expect(event.errors?.length).toBeGreaterThan(0);
    // The same masked, coded form as over HTTP (partial data by design): what failed, never why.
    expect(event.errors).toEqual([
      {
        message: 'The service that answers this field is unavailable',
        path: ['complaintStatusChanged', 'complaint', 'monument', 'name'],
        extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
      },
    ]);
    expect(JSON.stringify(event)).not.toMatch(INTERNALS);
    // The stream goes on: the failure cost one field of one event, not the subscription.
    const next = await fileComplaint(system.gatewayUrl, author, { territory: '751710000' });
    const [, second] = await live.take(2);
    expect(second).toEqual({ data: { complaintStatusChanged: expect.objectContaining({ to: 'SUBMITTED', complaint: { id: next, monument: null } }) } });
  });
});
