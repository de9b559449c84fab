import { gql, startTestSystem, type TestSystem } from '@rz/test-support';

/** The real gateway in production mode, in front of the real subgraphs. */
describe('gateway in production mode', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ seedDemo: false, gatewayEnv: { NODE_ENV: 'production' } });
  }, 180_000);
  afterAll(() => system?.close());

  it('answers queries', async () => {
    const res = await gql(system.gatewayUrl, '{ regions { code } }');
    expect(res.status).toBe(200);
    expect(res.data?.regions.length).toBe(20);
  });

  it('refuses introspection and serves no IDE', async () => {
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Complaint") { fields { name } } }']) {
      const res = await gql(system.gatewayUrl, query);
      expect(res.status).toBe(400);
      expect(res.errors?.[0].message).toMatch(/introspection/i);
    }
    const page = await fetch(system.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/graphiql|<html/i);
    expect((await fetch(new URL('/ide/graphiql.js', system.gatewayUrl))).status).toBe(404);
  });

  it('prevents CSRF: a simple GET or text/plain POST is refused', async () => {
    const get = await fetch(`${system.gatewayUrl}?query=${encodeURIComponent('{ regions { code } }')}`);
    expect(get.status).toBe(400);
    const form = await fetch(system.gatewayUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ regions { code } }"}' });
    expect(form.status).toBe(400);
    const preflighted = await fetch(`${system.gatewayUrl}?query=${encodeURIComponent('{ regions { code } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
  });

  it('keeps coded client errors and hides schema hints', async () => {
    const unknown = await gql(system.gatewayUrl, '{ territory(code: "123456789") { code } }');
    expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0].message).toContain('123456789');
    expect(JSON.stringify(unknown.errors)).not.toMatch(/stacktrace|serviceName/);
    const typo = await gql(system.gatewayUrl, '{ region { code } }');
    expect(typo.status).toBe(400);
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
  });

  it('masks internal failures: no address, port or stack of a subgraph that is down', async () => {
    const monuments = system.services.get('rukhani-qazyna')!;
    const exited = new Promise((resolve) => monuments.child.once('exit', resolve));
    monuments.child.kill('SIGKILL');
    await exited;
    const res = await gql(system.gatewayUrl, '{ monuments { totalCount } }');
    expect(res.errors?.[0]).toEqual({ message: 'The service that answers this field is unavailable', path: ['monuments'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
    const text = JSON.stringify(res);
    expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stacktrace|rukhani|at [A-Za-z]+ \(/);
    // Another subgraph still answers through the same gateway.
    expect((await gql(system.gatewayUrl, '{ events { totalCount } }')).errors).toBeUndefined();
  });
});
