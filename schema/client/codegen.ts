import type { CodegenConfig } from '@graphql-codegen/cli';
import { SCALAR_TYPES } from './src/scalars';

/**
 * Types and typed documents for the operations in src/operations, generated from the public API
 * (schema/api.graphql, written by `npm run compose`). Runs in the build; the output is not committed.
 */
const config: CodegenConfig = {
  schema: '../api.graphql',
  documents: ['src/operations/**/*.ts'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      // persisted-documents.json: sha256 of each document -> the document, the manifest of
      // trusted documents the gateway loads; each typed document carries its hash (`__meta__.hash`).
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: {
        // Documents are plain strings: no GraphQL AST or printer in the browser bundle.
        documentMode: 'string',
        scalars: SCALAR_TYPES,
        strictScalars: true,
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
      },
    },
  },
  silent: true,
};

export default config;
