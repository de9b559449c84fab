import { CONNECTION_FIELDS, KEY_FIELDS } from './connection-fields';
import { mergeNodesPage, type NodesPage } from './nodes-page';

/** The part of Apollo Client's FieldFunctionOptions a merge function uses (no dependency on Apollo here). */
interface MergeOptions {
  args: Record<string, unknown> | null;
}

/** A normalised entity is a `{ __ref }` in Apollo's cache: compare references, not objects. */
const refOf = (node: unknown) => (node && typeof node === 'object' && '__ref' in node ? (node as { __ref: string }).__ref : node);

/**
 * A field policy for one connection field: one cached list per `keyArgs` value, pages appended
 * by `after`. Apollo's stock `relayPagination()` expects `edges` and silently drops our `nodes`.
 */
export function nodesPagination(keyArgs: readonly string[]) {
  return {
    keyArgs: keyArgs.length ? [...keyArgs] : (false as const),
    merge(existing: NodesPage<unknown> | undefined, incoming: NodesPage<unknown>, { args }: MergeOptions) {
      return mergeNodesPage(existing, incoming, args?.after as string | null | undefined, refOf);
    },
  };
}

/**
 * `new InMemoryCache({ typePolicies: apolloTypePolicies() })`: key fields for the types without an
 * `id`, and a merge policy on every connection field of the API.
 */
export function apolloTypePolicies() {
  const policies: Record<string, { keyFields?: string[]; fields?: Record<string, ReturnType<typeof nodesPagination>> }> = {};
  for (const [type, keyFields] of Object.entries(KEY_FIELDS)) policies[type] = { keyFields: [...keyFields] };
  for (const [type, fields] of Object.entries(CONNECTION_FIELDS)) {
    const policy = Object.fromEntries(Object.entries(fields).map(([field, keyArgs]) => [field, nodesPagination(keyArgs)]));
    policies[type] = { ...policies[type], fields: policy };
  }
  return policies;
}
