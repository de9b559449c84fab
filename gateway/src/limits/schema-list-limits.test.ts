import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentedMaximum } from '@rz/service-kit';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import type { RunningGateway } from '../http/server';
import { startStubSubgraphs, type StubSubgraphs } from '../testing/stub-subgraphs';
import { startTestGateway } from '../testing/test-gateway';

/**
 * Every page-size argument of the committed API (the supergraph's public schema) documents its
 * range ("1 to N"), and the gateway's limits accept its documented maximum and its default: a
 * documented page is never refused. One over the maximum is refused by the gateway itself.
 */
const schema = buildSchema(readFileSync(join(__dirname, '..', '..', '..', 'schema', 'api.graphql'), 'utf8'));
const PAGE_SIZE_ARGUMENTS = ['first', 'last'];
/** Other names a page size could hide under: the check above would not see them. */
const SIZE_LIKE = /^(limit|size|count|top|take|pageSize)$/i;

/** A literal of an input type, for required arguments on the way to a field. */
function literal(type: GraphQLInputType): string {
  const inner = getNullableType(type);
  if (isListType(inner)) return `[${literal(inner.ofType)}]`;
  if (isEnumType(inner)) return inner.getValues()[0].name;
  if (isInputObjectType(inner)) {
    const required = Object.values(inner.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${required.map((f) => `${f.name}: ${literal(f.type)}`).join(', ')} }`;
  }
  switch (inner.name) {
    case 'Int':
      return '1';
    case 'Float':
      return '1.5';
    case 'Boolean':
      return 'true';
    case 'ID':
      return '"750000000"';
    default:
      return '"2026-01-01"';
  }
}

/** Arguments for a field: required ones filled in, page sizes 1 (or `pageSize` for `arg`). */
function argumentsOf(field: GraphQLField<unknown, unknown>, arg?: GraphQLArgument, pageSize?: number): string {
  const parts: string[] = [];
  for (const a of field.args) {
    if (a === arg) parts.push(`${a.name}: ${pageSize}`);
    else if (PAGE_SIZE_ARGUMENTS.includes(a.name)) parts.push(`${a.name}: 1`);
    else if (isNonNullType(a.type) && a.defaultValue === undefined) parts.push(`${a.name}: ${literal(a.type)}`);
  }
  return parts.length ? `(${parts.join(', ')})` : '';
}

/** The shortest way from Query to each object type, over object-typed fields. */
function pathsFromQuery(): Map<string, { type: GraphQLObjectType; field: GraphQLField<unknown, unknown> }[]> {
  const paths = new Map<string, { type: GraphQLObjectType; field: GraphQLField<unknown, unknown> }[]>([['Query', []]]);
  const queue: GraphQLObjectType[] = [schema.getQueryType()!];
  while (queue.length) {
    const type = queue.shift()!;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      if (!isObjectType(target) || paths.has(target.name)) continue;
      paths.set(target.name, [...paths.get(type.name)!, { type, field }]);
      queue.push(target);
    }
  }
  return paths;
}

interface PageArgument {
  name: string;
  query: (pageSize: number) => string;
  max: number | undefined;
  defaultValue: unknown;
}

function pageArguments(): PageArgument[] {
  const paths = pathsFromQuery();
  const found: PageArgument[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type === schema.getMutationType() || type === schema.getSubscriptionType()) continue;
    const path = paths.get(type.name);
    if (!path) continue;
    for (const field of Object.values(type.getFields())) {
      for (const arg of field.args.filter((a) => PAGE_SIZE_ARGUMENTS.includes(a.name))) {
        const leaf = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
        found.push({
          name: `${type.name}.${field.name}(${arg.name})`,
          max: documentedMaximum(arg.description),
          defaultValue: arg.defaultValue,
          query: (pageSize) =>
            `{ ${path.map((step) => `${step.field.name}${argumentsOf(step.field)} { `).join('')}${field.name}${argumentsOf(field, arg, pageSize)}${leaf}${' }'.repeat(path.length)} }`,
        });
      }
    }
  }
  return found;
}

const ARGUMENTS = pageArguments();

describe('page sizes the schema documents pass the gateway limits', () => {
  let stub: StubSubgraphs;
  let gateway: RunningGateway;
  beforeAll(async () => {
    stub = await startStubSubgraphs();
    stub.respond = () => ({ data: null });
    gateway = await startTestGateway(stub.url, { RATE_LIMIT_ENABLED: 'false' });
  });
  afterAll(async () => {
    await gateway?.stop();
    await stub?.close();
  });

  const refusal = async (query: string) => {
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string; limit?: string } }[] };
    return body.errors?.find((e) => e.extensions?.limit || e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED');
  };

  it('finds the page-size arguments, nested ones included, and no size argument under another name', () => {
    expect(ARGUMENTS.length).toBeGreaterThan(30);
    expect(ARGUMENTS.map((a) => a.name)).toEqual(expect.arrayContaining(['Query.initiativeMap(first)', 'Territory.events(first)', 'Monument.events(first)']));
    const sizeLike = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .flatMap((type) => Object.values(type.getFields()).flatMap((field) => field.args.filter((a) => SIZE_LIKE.test(a.name)).map((a) => `${type.name}.${field.name}(${a.name})`)));
    expect(sizeLike).toEqual([]);
  });

  it('has every page-size argument document its range and a default inside it', () => {
    const undocumented = ARGUMENTS.filter((a) => a.max === undefined).map((a) => a.name);
    expect(undocumented).toEqual([]);
    const outside = ARGUMENTS.filter((a) => typeof a.defaultValue !== 'number' || a.defaultValue < 1 || a.defaultValue > a.max!).map((a) => a.name);
    expect(outside).toEqual([]);
  });

  it.each(ARGUMENTS.map((a) => [a.name, a] as const))('accepts %s at its documented maximum and its default, refuses one more', async (_name, argument) => {
    expect(await refusal(argument.query(argument.max!))).toBeUndefined();
    expect(await refusal(argument.query(argument.defaultValue as number))).toBeUndefined();
    expect(await refusal(argument.query(argument.max! + 1))).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', limit: 'maxPageSize' } });
  });
});
