import { startTestSystem, testToken, type TestSystem } from '@rz/test-support';
import { evidenceId } from '../live-complaints/complaints.support';

/** Retries through the gateway: the Idempotency-Key header reaches the subgraph, and parallel retries file one complaint. */
describe('idempotent writes through the gateway', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ seedDemo: false });
  }, 180_000);
  afterAll(() => system?.close());

  it('files one complaint for retries with the same Idempotency-Key sent at once', async () => {
    const token = await testToken({ roles: ['citizen'], subject: 'retrying-through-gateway' });
    const text = 'Сломана скамейка в сквере, торчат гвозди.';
    const send = (key: string) =>
      fetch(system.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
        body: JSON.stringify({
          query: 'mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } } }',
          variables: { input: { topic: 'PUBLIC_AMENITIES', text, territory: '750000000', evidence: [evidenceId(text)] } },
        }),
      }).then((r) => r.json() as Promise<{ data?: { fileComplaint: { complaint: { id: string } } }; errors?: unknown[] }>);
    const answers = await Promise.all(Array.from({ length: 5 }, () => send('0b9f3c1e-gateway-retry')));
    expect(answers.map((a) => a.errors)).toEqual(Array(5).fill(undefined));
    expect(new Set(answers.map((a) => a.data!.fileComplaint.complaint.id)).size).toBe(1);
    const other = await send('another-key');
    expect(other.data!.fileComplaint.complaint.id).not.toBe(answers[0].data!.fileComplaint.complaint.id);
  });
});
