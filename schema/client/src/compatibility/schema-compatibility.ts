import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import type { ClientOperation } from './client-operations';

export interface SchemaChange {
  message: string;
  /** Schema coordinate of the change, e.g. "Complaint.isOverdue" or "ComplaintStatus.DUPLICATE". */
  path: string;
  reason?: string;
  /** Client operations that use what changed. */
  operations: string[];
}

export interface CompatibilityReport {
  breaking: SchemaChange[];
  dangerous: SchemaChange[];
}

/**
 * Schema coordinates an operation depends on: every field it selects ("Type.field") and argument it
 * passes ("Type.field.arg"), every input and enum type it sends or receives, and their fields and values.
 */
export function operationCoordinates(schema: GraphQLSchema, operation: ClientOperation): Set<string> {
  const coordinates = new Set<string>();
  const addType = (type: GraphQLNamedType | null | undefined, seen = new Set<string>()) => {
    if (!type || seen.has(type.name)) return;
    seen.add(type.name);
    if (isEnumType(type)) coordinates.add(type.name);
    if (isInputObjectType(type)) {
      coordinates.add(type.name);
      for (const field of Object.values(type.getFields())) {
        coordinates.add(`${type.name}.${field.name}`);
        addType(getNamedType(field.type), seen);
      }
    }
  };
  const typeInfo = new TypeInfo(schema);
  visit(
    operation.document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent || node.name.value.startsWith('__')) return;
        const field = `${parent.name}.${node.name.value}`;
        coordinates.add(field);
        for (const arg of node.arguments ?? []) coordinates.add(`${field}.${arg.name.value}`);
        const type = typeInfo.getType();
        if (type) addType(getNamedType(type));
      },
      VariableDefinition() {
        const type = typeInfo.getInputType();
        if (type) addType(getNamedType(type));
      },
      Argument() {
        const type = typeInfo.getInputType();
        if (type) addType(getNamedType(type));
      },
    }),
  );
  return coordinates;
}

/** Whether a change at `path` touches an operation that depends on `coordinates`. */
function affects(path: string, coordinates: Set<string>): boolean {
  for (const c of coordinates) {
    // The same coordinate; something the operation uses was inside what changed (a removed type);
    // or the change is inside something it uses (an enum value, an input field, an argument of a field).
    if (c === path || c.startsWith(`${path}.`) || path.startsWith(`${c}.`)) return true;
  }
  return false;
}

/** Compares the current API with the released one, naming the client operations each change touches. */
export async function compareSchemas(releasedSdl: string, currentSdl: string, operations: ClientOperation[]): Promise<CompatibilityReport> {
  const released = buildSchema(releasedSdl);
  const changes = await diff(released, buildSchema(currentSdl));
  // Operations were written against the released API: that is where their coordinates exist.
  const used = operations.map((op) => ({ name: op.name, coordinates: operationCoordinates(released, op) }));
  const describe = (change: Change): SchemaChange => ({
    message: change.message,
    path: change.path ?? '',
    reason: change.criticality.reason,
    operations: change.path ? used.filter((op) => affects(change.path!, op.coordinates)).map((op) => op.name) : [],
  });
  return {
    breaking: changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking).map(describe),
    dangerous: changes.filter((c) => c.criticality.level === CriticalityLevel.Dangerous).map(describe),
  };
}

/** A readable list: what changed, why it matters, and which client operations it breaks. */
export function formatChanges(title: string, changes: SchemaChange[]): string {
  const lines = changes.map((c) => {
    const ops = c.operations.length ? `client operations affected: ${c.operations.join(', ')}` : 'no operation of @rz/client uses it';
    return [`  - ${c.message}${c.path ? ` [${c.path}]` : ''}`, ...(c.reason ? [`      ${c.reason}`] : []), `      ${ops}`].join('\n');
  });
  return [`${title} (${changes.length}):`, ...lines].join('\n');
}
