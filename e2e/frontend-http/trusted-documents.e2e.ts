import { randomBytes } from 'node:crypto';
import {
  ComplaintStatusChangedDocument,
  FileComplaintDocument,
  MarkNotificationsReadDocument,
  MyNotificationSettingsDocument,
  MyNotificationsDocument,
  RegionsOverviewDocument,
  UpdateNotificationSettingsDocument,
  documentIdOf,
} from '@rz/client';
import { gql, postGraphQL, startTestSystem, testToken, wsClient, type TestSystem } from '@rz/test-support';
import type { FormattedExecutionResult } from 'graphql';
import { evidenceId, readMultipart, readUntil } from '../live-complaints/complaints.support';

const PERIOD = { from: '2026-01-01', to: '2026-12-31' };

/** The real gateway in production mode with TRUSTED_DOCUMENTS=anonymous, in front of the real subgraphs. */
describe('trusted documents (production, anonymous mode)', () => {
  let system: TestSystem;
  let admin: string;
  let citizen: string;
  const id = documentIdOf(RegionsOverviewDocument);

  beforeAll(async () => {
    // The shared secret as deployments set it: the gateway sends it to the subgraphs, project-office sends it back.
    const secret = { SUBGRAPH_SHARED_SECRET: randomBytes(32).toString('hex') };
    system = await startTestSystem({ seedDemo: false, gatewayEnv: { NODE_ENV: 'production', TRUSTED_DOCUMENTS: 'anonymous', ...secret }, subgraphEnv: secret });
    admin = await testToken({ roles: ['admin'], subject: 'trusted-docs-admin' });
    citizen = await testToken({ roles: ['citizen'], subject: 'trusted-docs-citizen' });
  }, 180_000);
  afterAll(() => system?.close());

  const post = (body: unknown, token?: string) => postGraphQL(system.gatewayUrl, body, token);

  it('answers a registered id by POST and by GET, anonymously', async () => {
    const byPost = await post({ documentId: id, variables: PERIOD });
    expect(byPost.errors).toBeUndefined();
    expect(byPost.data?.regions).toHaveLength(20);
    const url = new URL(system.gatewayUrl);
    url.searchParams.set('documentId', id);
    url.searchParams.set('variables', JSON.stringify(PERIOD));
    const byGet = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(byGet.status).toBe(200);
    expect(await byGet.json()).toEqual({ data: byPost.data });
  });

  it('refuses an ad-hoc document from an anonymous or citizen caller, and an unknown id from anyone', async () => {
    for (const token of [undefined, citizen]) {
      const adHoc = await gql(system.gatewayUrl, '{ regions { code } }', {}, token);
      expect([adHoc.status, adHoc.errors?.[0].extensions?.code]).toEqual([400, 'PERSISTED_DOCUMENT_REQUIRED']);
    }
    const unknown = await post({ documentId: `sha256:${'0'.repeat(64)}`, variables: {} }, admin);
    expect([unknown.status, unknown.errors?.[0].extensions?.code]).toEqual([400, 'PERSISTED_DOCUMENT_NOT_FOUND']);
  });

  describe('subscriptions (graphql-ws, SSE, multipart)', () => {
    const live = documentIdOf(ComplaintStatusChangedDocument);
    const territory = '751710000';
    const AD_HOC = 'subscription { complaintStatusChanged { cursor } }';
    const file = async () => {
      const input = { topic: 'PUBLIC_AMENITIES', text: 'Во дворе не работает освещение уже неделю', territory, evidence: [evidenceId(`trusted-${Math.random()}`)] };
      const filed = await post({ documentId: documentIdOf(FileComplaintDocument), variables: { input } }, citizen);
      expect(filed.errors).toBeUndefined();
      return (filed.data as { fileComplaint: { complaint: { id: string } } }).fileComplaint.complaint.id;
    };
    const stream = (path: string, body: unknown, accept: string, token?: string) =>
      fetch(new URL(path, system.gatewayUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    const MULTIPART = 'multipart/mixed;subscriptionSpec="1.0", application/json';

    it('runs the dashboard’s registered subscription by id over graphql-ws ({"query": "", "documentId"}) and refuses ad-hoc ones from anonymous and citizen viewers', async () => {
      for (const token of [undefined, citizen]) {
        const client = wsClient(system.gatewayUrl, token);
        const errors = await new Promise<readonly unknown[]>((resolve) => {
          client.subscribe({ query: AD_HOC }, { next: () => undefined, error: (e) => resolve(e as readonly unknown[]), complete: () => resolve([]) });
        });
        expect((errors as { extensions?: { code?: string } }[])[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
        await client.dispose();
      }
      const client = wsClient(system.gatewayUrl);
      const received = new Promise<FormattedExecutionResult>((resolve, reject) => {
        client.subscribe({ query: '', documentId: live, variables: { territory } } as { query: string }, { next: resolve, error: reject, complete: () => undefined });
      });
      // Filed until the subscription (which starts at the head) sees one.
      let event: FormattedExecutionResult | undefined;
      received.then((e) => (event = e), () => undefined);
      while (!event) {
        await file();
        await Promise.race([received, new Promise((r) => setTimeout(r, 500))]);
      }
      expect(event.errors).toBeUndefined();
      expect((event.data as { complaintStatusChanged: { to: string } }).complaintStatusChanged.to).toBe('SUBMITTED');
      await client.dispose();
    });

    it('applies the same rule to Server-Sent Events and multipart subscriptions', async () => {
      for (const [path, accept] of [
        ['/graphql/stream', 'text/event-stream'],
        ['/graphql', MULTIPART],
      ]) {
        for (const token of [undefined, citizen]) {
          const adHoc = await stream(path, { query: AD_HOC }, accept, token);
          expect([path, adHoc.status, ((await adHoc.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code]).toEqual([path, 400, 'PERSISTED_DOCUMENT_REQUIRED']);
        }
        const unknown = await stream(path, { documentId: `sha256:${'0'.repeat(64)}` }, accept);
        expect([path, unknown.status]).toEqual([path, 400]);
      }
      const sse = await stream('/graphql/stream', { documentId: live, variables: { territory } }, 'text/event-stream');
      expect([sse.status, sse.headers.get('content-type')]).toEqual([200, expect.stringMatching(/^text\/event-stream/)]);
      const multipart = await stream('/graphql', { documentId: live, variables: { territory } }, MULTIPART);
      expect([multipart.status, multipart.headers.get('content-type')]).toEqual([200, expect.stringMatching(/^multipart\/mixed/)]);
      const parts = readMultipart(multipart.body!);
      const id = await file();
      const text = await readUntil(sse.body!, (t) => t.includes(id));
      expect(text).toContain('SUBMITTED');
      const [part] = await parts.take(1);
      expect(part.payload?.data?.complaintStatusChanged?.complaint?.id).toBe(id);
      parts.cancel();
    });
  });

  it('lets project-office read the other subprogrammes through the gateway with its own documents (it sends the shared secret), and no one else by a wrong secret', async () => {
    const report = await gql(
      system.gatewayUrl,
      '{ programmeReport(territory: "750000000", from: "2026-01-01", to: "2026-01-31") { current { atameken { complaintsFiled } tarbieBilim { clubs } rukhaniQazyna { monuments } aqparatTolqyny { plans } } } }',
      {},
      admin,
    );
    expect(report.errors).toBeUndefined();
    expect(report.data?.programmeReport.current.atameken.complaintsFiled).toBe(0);
    const posing = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gateway-secret': 'x'.repeat(40) },
      body: JSON.stringify({ query: '{ regions { code } }' }),
    });
    expect([posing.status, ((await posing.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code]).toEqual([400, 'PERSISTED_DOCUMENT_REQUIRED']);
  });

  it('lets a citizen use their inbox and notification settings by the typed client’s ids, and not by ad-hoc documents', async () => {
    const inbox = await post({ documentId: documentIdOf(MyNotificationsDocument), variables: { first: 5, unreadOnly: false } }, citizen);
    expect(inbox.errors).toBeUndefined();
    expect(inbox.data).toMatchObject({ notificationAddedCursor: expect.any(String), myNotifications: { unreadCount: expect.any(Number), nodes: expect.any(Array) } });
    const read = await post({ documentId: documentIdOf(MarkNotificationsReadDocument), variables: { all: true } }, citizen);
    expect(read.errors).toBeUndefined();
    expect(read.data?.markNotificationsRead).toMatchObject({ unreadCount: 0 });
    const changed = await post({ documentId: documentIdOf(UpdateNotificationSettingsDocument), variables: { input: { language: 'RU' } } }, citizen);
    expect(changed.errors).toBeUndefined();
    const settings = await post({ documentId: documentIdOf(MyNotificationSettingsDocument), variables: {} }, citizen);
    expect(settings.data?.myNotificationSettings).toMatchObject({ language: 'RU', email: null });
    const adHoc = await gql(system.gatewayUrl, '{ myNotifications { totalCount } }', {}, citizen);
    expect([adHoc.status, adHoc.errors?.[0].extensions?.code]).toEqual([400, 'PERSISTED_DOCUMENT_REQUIRED']);
  });

  it('answers an ad-hoc document from an admin', async () => {
    const adHoc = await gql(system.gatewayUrl, '{ regions { code } }', {}, admin);
    expect(adHoc.errors).toBeUndefined();
    expect(adHoc.data?.regions).toHaveLength(20);
  });
});
