import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The id of a document: `sha256:` and the hex SHA-256 of its text, as GraphQL Code Generator's client preset writes them. */
export function hashDocument(document: string): string {
  return `sha256:${createHash('sha256').update(document).digest('hex')}`;
}

/**
 * Trusted documents from manifests written at build time (`{"sha256:<hex>": "<document>"}`).
 * An entry whose id is not its document's hash is refused at startup: the id is a promise about the text.
 */
export class TrustedDocuments {
  private readonly byId = new Map<string, string>();

  static fromFiles(files: readonly string[]): TrustedDocuments {
    const documents = new TrustedDocuments();
    for (const file of files) documents.add(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>, file);
    return documents;
  }

  add(manifest: Record<string, unknown>, source = 'manifest'): void {
    for (const [id, document] of Object.entries(manifest)) {
      if (typeof document !== 'string' || hashDocument(document) !== id) throw new Error(`${source}: ${id} is not the sha256 of its document`);
      this.byId.set(id, document);
    }
  }

  get(id: string): string | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byId.size;
  }
}
