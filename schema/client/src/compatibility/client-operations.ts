import { Kind, parse, type DocumentNode } from 'graphql';
import * as generated from '../gql/graphql';

export interface ClientOperation {
  /** The operation's name, e.g. "RegionsOverview". */
  name: string;
  /** The operation with the fragments it spreads, as the client sends it. */
  document: DocumentNode;
}

/** Every operation of this package, as codegen compiled it from src/operations. */
export function clientOperations(): ClientOperation[] {
  return (Object.values(generated) as unknown[])
    .filter((value) => value instanceof generated.TypedDocumentString)
    .map((value) => parse(String(value)))
    .flatMap((document) =>
      document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [{ name: d.name.value, document }] : [])),
    );
}
