import { createLogger } from '@rz/service-kit';
import { gql, startTestSubgraph, testToken, type TestSubgraph } from '@rz/test-support';
import { notifications } from '../subgraph';
import { DEMO_NOTIFICATIONS, seedDemo } from './demo.seed';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(notifications, { seedDemo: true });
});
afterAll(() => subgraph?.close());

describe('notifications demo data', () => {
  it('gives the demo citizens and the default officer token an inbox, once however often it runs', async () => {
    await seedDemo(subgraph.db, createLogger('test', 'silent'));
    const [{ n }] = await subgraph.db.query('SELECT count(*)::int AS n FROM notification');
    expect(n).toBe(DEMO_NOTIFICATIONS.length);
    for (const [subject, roles] of [['demo-citizen-1', ['citizen']], ['dev-citizen', ['citizen']], ['dev-akimat_officer', ['akimat_officer']]] as const) {
      const token = await testToken({ roles: [...roles], territory: '750000000', subject });
      const res = await gql(subgraph.url, '{ myNotifications { totalCount nodes { title path } } }', {}, token);
      expect([subject, res.errors]).toEqual([subject, undefined]);
      expect([subject, res.data!.myNotifications.totalCount]).toEqual([subject, DEMO_NOTIFICATIONS.filter((e) => e.recipientSubject === subject).length]);
      expect(res.data!.myNotifications.totalCount).toBeGreaterThan(0);
    }
  });
});
