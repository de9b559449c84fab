import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';
import { clientOperations } from './compatibility/client-operations';
import * as generated from './gql/graphql';
import { documentIdOf } from './request';

/** The operation names a document defines. */
const operationNames = (text: string) =>
  parse(text).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));

/**
 * Trusted documents: the build writes src/gql/persisted-documents.json from src/operations (codegen's
 * client preset, fields in a normal order), and a production gateway runs only what it lists for
 * anonymous and citizen callers. An operation the manifest lacks would be refused in production, so
 * it fails here, at the frontend's build.
 */
describe('@rz/client trusted-document manifest', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, 'gql', 'persisted-documents.json'), 'utf8')) as Record<string, string>;
  const sha256 = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

  it('lists every operation of the client, each under the sha256 of its text', () => {
    const listed = Object.values(manifest).flatMap(operationNames).sort();
    expect(listed).toEqual(clientOperations().map((operation) => operation.name).sort());
    for (const [id, document] of Object.entries(manifest)) expect(sha256(document)).toBe(id);
  });

  it('gives every typed operation the id its operation is listed under', () => {
    const operations = (Object.values(generated) as unknown[]).filter(
      (value): value is generated.TypedDocumentString<unknown, unknown> => value instanceof generated.TypedDocumentString && operationNames(String(value)).length > 0,
    );
    expect(operations.length).toBe(Object.keys(manifest).length);
    for (const operation of operations) expect(operationNames(manifest[documentIdOf(operation)] ?? '')).toEqual(operationNames(String(operation)));
  });

  it('refuses to send by id a document the build did not register', () => {
    expect(() => documentIdOf(new generated.TypedDocumentString('query Unregistered { regions { code } }'))).toThrow(/no trusted-document id/);
  });
});
