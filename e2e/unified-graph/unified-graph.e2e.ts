import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isCompositeType,
  isEnumType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLObjectType,
  type IntrospectionQuery,
} from 'graphql';
import { gql, startTestSystem, type TestSystem, testToken } from '@rz/test-support';

/** The four subgraphs and the gateway as real processes, over real HTTP, on the demo data. */
describe('unified graph through the gateway', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  }, 180_000);
  afterAll(() => system?.close());

  it('answers one query with data from all four subgraphs', async () => {
    const res = await gql(system.gatewayUrl, `{
      territory(code: "750000000") {
        code
        name(lang: EN)
        monuments(first: 10) { totalCount nodes { id name(lang: EN) } }
        initiatives(first: 10) { totalCount nodes { id title(lang: RU) } }
        complaints(first: 20) { totalCount nodes { id status topic monument { id name(lang: EN) type } } }
        events(first: 10) { totalCount nodes { id title(lang: KK) monumentsVisited { id name(lang: EN) } } }
        mediaPlans(first: 10) {
          totalCount
          nodes { id status items { channel subjects { __typename ... on Monument { id name(lang: EN) } ... on Event { id title(lang: KK) } ... on Initiative { id title(lang: RU) } } } }
        }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const almaty = res.data!.territory;
    expect(almaty.name).toBe('Almaty');
    for (const field of ['monuments', 'initiatives', 'complaints', 'events', 'mediaPlans']) {
      expect(almaty[field].totalCount).toBeGreaterThan(0);
    }
    // Fields resolved by another subgraph than the one that owns the list:
    const complaintMonuments = almaty.complaints.nodes.filter((c: any) => c.monument).map((c: any) => c.monument);
    expect(complaintMonuments.length).toBeGreaterThan(0);
    expect(complaintMonuments.every((m: any) => typeof m.name === 'string' && m.type)).toBe(true);
    const visited = almaty.events.nodes.flatMap((e: any) => e.monumentsVisited);
    expect(visited.length).toBeGreaterThan(0);
    expect(visited.every((m: any) => typeof m.name === 'string')).toBe(true);
    const subjects = almaty.mediaPlans.nodes.flatMap((p: any) => p.items.flatMap((i: any) => i.subjects));
    expect(new Set(subjects.map((s: any) => s.__typename))).toEqual(new Set(['Monument', 'Event', 'Initiative']));
    expect(subjects.every((s: any) => typeof (s.name ?? s.title) === 'string')).toBe(true);
  });

  it('treats an explicit null like an absent argument on every query and territory field: never an internal error', async () => {
    const admin = await testToken({ roles: ['admin'], subject: 'e2e-null-args' });
    const introspection = await gql(system.gatewayUrl, getIntrospectionQuery(), {}, admin);
    const schema = buildClientSchema(introspection.data as unknown as IntrospectionQuery);
    // Required arguments get a plausible value; every optional one is sent as null.
    const valueFor = (arg: GraphQLArgument): unknown => {
      if (!isNonNullType(arg.type)) return null;
      const named = getNamedType(arg.type);
      if (isEnumType(named)) return named.getValues()[0].name;
      return ({ ID: '00000000-0000-4000-8000-000000000000', String: '750000000', Int: 1, Float: 1, Boolean: false } as Record<string, unknown>)[named.name];
    };
    const probes: { name: string; query: string; variables: Record<string, unknown> }[] = [];
    const add = (field: GraphQLField<unknown, unknown>, wrap: (call: string) => string) => {
      if (field.args.some((a) => valueFor(a) === undefined)) return;
      const declared = field.args.map((a) => `$${a.name}: ${a.type}`).join(', ');
      const call = `${field.name}${field.args.length ? `(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : ''}${isCompositeType(getNamedType(field.type)) ? ' { __typename }' : ''}`;
      probes.push({
        name: field.name,
        query: `query${declared ? `(${declared})` : ''} { ${wrap(call)} }`,
        variables: Object.fromEntries(field.args.map((a) => [a.name, valueFor(a)])),
      });
    };
    for (const field of Object.values(schema.getQueryType()!.getFields())) add(field, (call) => call);
    for (const field of Object.values((schema.getType('Territory') as GraphQLObjectType).getFields())) {
      add(field, (call) => `territory(code: "750000000") { ${call} }`);
    }
    expect(probes.length).toBeGreaterThan(40);
    const failures: string[] = [];
    for (const probe of probes) {
      for (const token of [admin, undefined]) {
        const res = await gql(system.gatewayUrl, probe.query, probe.variables, token);
        const internal = (res.errors ?? []).filter((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR' || !e.extensions?.code);
        if (res.status >= 500 || internal.length) failures.push(`${probe.name} (${token ? 'admin' : 'anonymous'}): ${res.status} ${JSON.stringify(internal[0] ?? res.errors)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('returns a coded error naming the field for bad input, and writes nothing', async () => {
    const token = await testToken({ roles: ['citizen'], subject: 'e2e-citizen' });
    const count = async () => (await gql(system.gatewayUrl, '{ complaints { totalCount } }')).data!.complaints.totalCount;
    const before = await count();
    const res = await gql(
      system.gatewayUrl,
      `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } likelyDuplicates { id } } }`,
      { input: { topic: 'ROADS', text: 'Яма на дороге возле школы, опасно для детей', territory: '123456789' } },
      token,
    );
    // The rejected code travels as a detail, so the message stays one per field (and translatable).
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.territory', territoryCode: '123456789' });
    expect(res.errors?.[0].message).toContain('input.territory');
    expect(await count()).toBe(before);
  });

  it('refuses writes without a token and with a forged one', async () => {
    const mutation = `mutation { fileComplaint(input: { topic: ROADS, text: "Яма на дороге возле школы", territory: "750000000" }) { complaint { id } } }`;
    const anonymous = await gql(system.gatewayUrl, mutation);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await gql(system.gatewayUrl, mutation, {}, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('serves /health and /ready on every service', async () => {
    for (const service of system.services.values()) {
      const base = new URL(service.url);
      expect((await fetch(new URL('/health', base))).status).toBe(200);
      const ready = await fetch(new URL('/ready', base));
      expect(ready.status).toBe(200);
    }
    // The gateway's readiness is its own; the subgraphs' health is reported by its /health.
    const gatewayHealth = (await (await fetch(new URL('/health', system.gatewayUrl))).json()) as { subgraphs: Record<string, string> };
    expect(Object.values(gatewayHealth.subgraphs).every((state) => state === 'up')).toBe(true);
    expect(Object.keys(gatewayHealth.subgraphs).length).toBe(system.services.size - 1);
  });

  it('serves a GraphQL IDE that loads nothing from the internet', async () => {
    const page = await fetch(system.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(4);
    for (const asset of assets) {
      expect(asset).toMatch(/^\/ide\//);
      const response = await fetch(new URL(asset, system.gatewayUrl));
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1_000);
    }
  });
});
