import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** schema/ at the repository root, from src/ or dist/ of this package. */
const SCHEMA_DIR = join(__dirname, '..', '..', '..');

/** The public API now, written by `npm run compose`. */
export const API_SCHEMA_FILE = join(SCHEMA_DIR, 'api.graphql');
/** The API as last released to clients; changed only on purpose (docs/frontend.md). */
export const RELEASED_API_SCHEMA_FILE = join(SCHEMA_DIR, 'api.released.graphql');

export const readSdl = (file: string) => readFileSync(file, 'utf8');
