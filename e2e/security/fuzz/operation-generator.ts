import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { HOSTILE_FLOATS, HOSTILE_INTS, INVALID_INTS, hostileString, wrongValue } from './hostile-values';
import type { Prng } from './prng';

/** Real values from the running system, so that part of the traffic goes deep. */
export interface KnownData {
  territories: string[];
  ids: string[];
}

export interface GeneratedOperation {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
  mutation: boolean;
}

/** A JS value that is printed as a GraphQL enum literal rather than a string. */
class EnumLiteral {
  constructor(readonly name: string) {}
  toJSON(): string {
    return this.name;
  }
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
/** Values no subgraph may accept for a territory code (not in the KATO classifier). */
const BAD_TERRITORIES = ['999999999', '000000000', "750000000' OR '1'='1", '75000000a', '7500000001', ' 750000000', '<b>750000000</b>'];

/** Prints a generated value as a GraphQL literal (wrong-typed values included: validation must refuse them). */
export function printLiteral(value: unknown): string {
  if (value instanceof EnumLiteral) return NAME.test(value.name) ? value.name : JSON.stringify(value.name);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(printLiteral).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${printLiteral(v)}`)
    .join(', ')}}`;
}

function typeString(type: GraphQLInputType): string {
  return String(type);
}

/**
 * Generates operations from the schema itself: real fields and arguments, with
 * values that are mostly well typed but hostile, sometimes wrong, sometimes unknown.
 */
export class OperationGenerator {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly known: KnownData,
  ) {}

  /** Well typed: hostile values only where the schema allows them, so the operation reaches the subgraphs. */
  private wellTyped = false;

  generate(rng: Prng, mutation: boolean, wellTyped = false): GeneratedOperation {
    this.wellTyped = wellTyped;
    const ctx = new EmitContext(rng, wellTyped);
    const root = mutation ? this.schema.getMutationType()! : this.schema.getQueryType()!;
    const fields = Object.values(root.getFields());
    const count = mutation ? rng.int(1, 2) : rng.int(1, 3);
    const selections: string[] = [];
    const maxDepth = rng.weighted([
      [6, rng.int(1, 4)],
      [3, rng.int(5, 8)],
      [wellTyped ? 0 : 1, rng.int(9, 14)],
    ]);
    for (let i = 0; i < count; i += 1) {
      let field = rng.pick(fields);
      let args = this.generateArgs(rng, field);
      // A mutation with nothing to spoil (setComplaintTopicDeadline, say) could be valid: pick another.
      for (let attempt = 0; mutation && !this.poison(rng, field, args); attempt += 1) {
        if (attempt === 100) throw new Error('No mutation of the schema can be made invalid');
        field = rng.pick(fields);
        args = this.generateArgs(rng, field);
      }
      selections.push(this.printField(rng, ctx, field, args, 1, maxDepth, i > 0 || rng.chance(0.2)));
    }
    const named = rng.chance(0.6);
    const operationName = named ? `Fuzz${rng.int(0, 999)}` : undefined;
    const header = `${mutation ? 'mutation' : 'query'}${named ? ` ${operationName}` : ''}${ctx.variableDefinitions.length ? `(${ctx.variableDefinitions.join(', ')})` : ''}`;
    const query = `${header} { ${selections.join(' ')} }${ctx.fragments.join(' ')}`;
    return {
      query,
      variables: ctx.variables,
      operationName: named ? rng.weighted<string | undefined>([[8, operationName], [wellTyped ? 0 : 1, 'NotThisOne'], [1, undefined]]) : undefined,
      mutation,
    };
  }

  private generateArgs(rng: Prng, field: GraphQLField<unknown, unknown>): Map<string, { arg: GraphQLArgument | null; value: unknown }> {
    const args = new Map<string, { arg: GraphQLArgument | null; value: unknown }>();
    for (const arg of field.args) {
      if (!isNonNullType(arg.type) && !rng.chance(0.45)) continue;
      if (isNonNullType(arg.type) && arg.defaultValue !== undefined && rng.chance(0.3)) continue;
      args.set(arg.name, { arg, value: this.value(rng, arg.type, arg.name, 0) });
    }
    if (this.wellTyped) return args;
    if (rng.chance(0.03)) args.set(rng.pick(['unknownArg', 'where', 'limit']), { arg: null, value: wrongValue(rng) });
    if (rng.chance(0.03) && field.args.length) args.delete(rng.pick(field.args).name); // a required argument missing
    return args;
  }

  /**
   * Every generated mutation carries at least one defect no service may accept: a
   * territory outside the classifier, or the id of nothing. A mutation that still
   * succeeds is a finding, and the database check after the run catches what it wrote.
   */
  private poison(rng: Prng, field: GraphQLField<unknown, unknown>, args: Map<string, { arg: GraphQLArgument | null; value: unknown }>): boolean {
    let poisoned = false;
    for (const entry of args.values()) {
      const type = entry.arg && getNullableType(entry.arg.type);
      const value = entry.value;
      if (type && isInputObjectType(type) && 'territory' in type.getFields() && value && typeof value === 'object' && !Array.isArray(value)) {
        (value as Record<string, unknown>).territory = rng.pick(BAD_TERRITORIES);
        poisoned = true;
      }
    }
    // Without a territory to spoil, every id points at nothing, nested ones included
    // (commentOnComplaint's input.complaint, say); an existing id may stay when the territory is bad.
    if (poisoned) return true;
    let spoiled = 0;
    for (const arg of field.args) {
      if (/^(id|.+Id)$/.test(arg.name)) {
        args.set(arg.name, { arg, value: rng.uuid() });
        spoiled += 1;
      }
    }
    for (const entry of args.values()) if (entry.arg) spoiled += this.spoilIds(rng, entry.arg.type, entry.value);
    return spoiled > 0;
  }

  /** Replaces the values of every ID-typed input field below `value` with ids of nothing; returns how many. */
  private spoilIds(rng: Prng, type: GraphQLInputType, value: unknown): number {
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      return Array.isArray(value) ? value.reduce((n: number, item) => n + this.spoilIds(rng, nullable.ofType, item), 0) : 0;
    }
    if (!isInputObjectType(nullable) || !value || typeof value !== 'object' || Array.isArray(value)) return 0;
    const record = value as Record<string, unknown>;
    let spoiled = 0;
    for (const field of Object.values(nullable.getFields())) {
      if (!(field.name in record)) continue;
      const named = getNullableType(field.type);
      const isId = (t: GraphQLInputType) => getNamedType(t).name === 'ID' && !isListType(getNullableType(t));
      const idList = isListType(named) && isId(named.ofType);
      if (isId(field.type)) {
        record[field.name] = rng.uuid();
        spoiled += 1;
      } else if (idList && Array.isArray(record[field.name]) && (record[field.name] as unknown[]).length) {
        record[field.name] = (record[field.name] as unknown[]).map(() => rng.uuid());
        spoiled += 1;
      } else spoiled += this.spoilIds(rng, field.type, record[field.name]);
    }
    return spoiled;
  }

  private value(rng: Prng, type: GraphQLInputType, name: string, depth: number): unknown {
    const chaos = !this.wellTyped;
    if (chaos && rng.chance(0.04)) return wrongValue(rng);
    if (isNonNullType(type)) return chaos && rng.chance(0.02) ? null : this.value(rng, type.ofType, name, depth);
    if (rng.chance(0.03)) return null;
    if (isListType(type)) {
      const length = rng.weighted([
        [8, rng.int(0, 3)],
        [1, rng.int(20, 60)],
      ]);
      return Array.from({ length }, () => this.value(rng, type.ofType, name, depth + 1));
    }
    if (isInputObjectType(type)) {
      if (depth > 4) return {};
      const out: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        if (isNonNullType(field.type) || rng.chance(0.5)) out[field.name] = this.value(rng, field.type, field.name, depth + 1);
      }
      if (chaos && rng.chance(0.04)) out[rng.pick(['unknownField', 'author', 'status', 'id'])] = wrongValue(rng);
      return out;
    }
    if (isEnumType(type)) {
      const values = type.getValues().map((v) => v.name);
      return new EnumLiteral(!chaos || rng.chance(0.9) ? rng.pick(values) : rng.pick(['NOT_A_VALUE', values[0].toLowerCase(), 'DELETE', `${values[0]}_`]));
    }
    return this.scalar(rng, type.name, name);
  }

  private scalar(rng: Prng, scalar: string, name: string): unknown {
    if (name === 'first' || name === 'last') {
      return rng.weighted<unknown>([
        [10, rng.int(1, 30)],
        [2, rng.pick(HOSTILE_INTS)],
        [this.wellTyped ? 0 : 1, rng.pick(INVALID_INTS)],
      ]);
    }
    if (scalar === 'ID' || (scalar === 'String' && /territory|code/i.test(name))) {
      if (/territory|code/i.test(name)) return rng.chance(0.5) ? rng.pick(this.known.territories) : hostileString(rng);
      return rng.weighted<() => unknown>([
        [4, () => rng.pick(this.known.ids)],
        [3, () => rng.uuid()],
        [3, () => hostileString(rng)],
      ])();
    }
    if (scalar === 'Int') return this.wellTyped || rng.chance(0.9) ? rng.pick(HOSTILE_INTS) : rng.pick(INVALID_INTS);
    if (scalar === 'Float') return rng.pick(HOSTILE_FLOATS);
    if (scalar === 'Boolean') return this.wellTyped || rng.chance(0.95) ? rng.chance(0.5) : rng.pick(['true', 1, null]);
    if (scalar === 'DateTimeISO') {
      return rng.pick(['2026-05-01T10:00:00Z', '2026-04-01T10:00:00Z', '1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-13-45T99:99:99Z', 'yesterday', '', 1_700_000_000]);
    }
    if (/date/i.test(name)) return rng.pick(['2026-06-01', '2026-02-30', '1899-01-01', '2026-6-1', hostileString(rng)]);
    return rng.chance(0.3) ? rng.pick(['Рухани жаңғыру', 'Памятник культуры', 'A valid enough text of twenty chars']) : hostileString(rng);
  }

  private printField(
    rng: Prng,
    ctx: EmitContext,
    field: GraphQLField<unknown, unknown>,
    args: Map<string, { arg: GraphQLArgument | null; value: unknown }>,
    depth: number,
    maxDepth: number,
    alias: boolean,
  ): string {
    const printedArgs = [...args].map(([name, { arg, value }]) => `${name}: ${ctx.emit(value, arg?.type ?? null)}`);
    const head = `${alias ? `${rng.pick(['a', 'b', 'x', 'alias_'])}${rng.int(0, 99)}: ` : ''}${field.name}${printedArgs.length ? `(${printedArgs.join(', ')})` : ''}`;
    const named = getNamedType(field.type);
    if (isLeafType(named)) return head;
    return `${head} { ${this.selectionSet(rng, ctx, named, depth + 1, maxDepth)} }`;
  }

  private selectionSet(rng: Prng, ctx: EmitContext, type: GraphQLNamedType, depth: number, maxDepth: number): string {
    const parts: string[] = [];
    if (isUnionType(type)) {
      parts.push('__typename');
      for (const member of type.getTypes()) {
        if (rng.chance(0.6)) parts.push(`... on ${member.name} { ${this.selectionSet(rng, ctx, member, depth, maxDepth)} }`);
      }
      return parts.join(' ');
    }
    if (!isObjectType(type) && !isInterfaceType(type)) return '__typename';
    const fields = Object.values((type as GraphQLObjectType).getFields());
    const scalars = fields.filter((f) => isLeafType(getNamedType(f.type)));
    const objects = fields.filter((f) => !isLeafType(getNamedType(f.type)));
    const count = rng.int(1, 4);
    for (let i = 0; i < count; i += 1) {
      const deeper = depth < maxDepth && objects.length > 0 && rng.chance(0.55);
      const field = deeper ? rng.pick(objects) : scalars.length ? rng.pick(scalars) : null;
      if (!field) continue;
      parts.push(this.printField(rng, ctx, field, this.generateArgs(rng, field), depth, maxDepth, rng.chance(0.08)));
    }
    if (rng.chance(0.1)) parts.push('__typename');
    if (!this.wellTyped && rng.chance(0.02)) parts.push(rng.pick(['doesNotExist', 'password', 'author { email }', 'phone']));
    if (rng.chance(0.04) && parts.length) {
      const fragment = `F${ctx.fragments.length}`;
      ctx.fragments.push(` fragment ${fragment} on ${type.name} { ${parts.join(' ')} }`);
      return `...${fragment}`;
    }
    return parts.length ? parts.join(' ') : '__typename';
  }
}

/** Collects variables and fragments while an operation is printed. */
class EmitContext {
  readonly variableDefinitions: string[] = [];
  readonly variables: Record<string, unknown> = {};
  readonly fragments: string[] = [];

  constructor(
    private readonly rng: Prng,
    private readonly wellTyped: boolean,
  ) {}

  /** A value as an inline literal, or as a variable (sometimes declared with the wrong type). */
  emit(value: unknown, type: GraphQLInputType | null): string {
    if (!type || !this.rng.chance(0.5)) return printLiteral(value);
    const name = `v${this.variableDefinitions.length}`;
    const declared = !this.wellTyped && this.rng.chance(0.05) ? this.rng.pick(['String', 'Int!', '[ID]', 'Boolean', 'NoSuchType']) : typeString(type);
    this.variableDefinitions.push(`$${name}: ${declared}`);
    if (this.wellTyped || !this.rng.chance(0.03)) this.variables[name] = JSON.parse(JSON.stringify(value ?? null));
    return `$${name}`;
  }
}
