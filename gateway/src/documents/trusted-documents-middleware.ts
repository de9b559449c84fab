import { checkGatewaySecret, GATEWAY_SECRET_HEADER, type TokenClaims } from '@rz/service-kit';
import type { Request, RequestHandler } from 'express';
import { tokenOutcome } from '../auth/verify-token';
import type { TrustedDocumentsConfig } from '../config';
import { errorBody } from '../errors/coded-error';
import { TrustedDocuments } from './trusted-documents';

export type TrustedDocumentsMode = TrustedDocumentsConfig['TRUSTED_DOCUMENTS'];

export interface TrustedDocumentsOptions {
  documents: TrustedDocuments;
  mode: TrustedDocumentsMode;
  /** Roles whose tokens may still send ad-hoc documents in `anonymous` mode. */
  adHocRoles: readonly string[];
  /** In `anonymous` mode, a request carrying this secret (X-Gateway-Secret) is one of our services and may send documents. */
  serviceSecret?: string;
}

/** Where the parameters of a GraphQL request are: the JSON body (POST) or the URL (GET). */
function parametersOf(req: Request): { documentId?: unknown; query?: unknown; search?: URLSearchParams } {
  if (req.method === 'GET') {
    const search = new URL(req.url, 'http://gateway').searchParams;
    return { documentId: search.get('documentId') ?? undefined, query: search.get('query') ?? undefined, search };
  }
  const body = req.body as Record<string, unknown> | undefined;
  return body && typeof body === 'object' && !Array.isArray(body) ? { documentId: body.documentId, query: body.query } : {};
}

/** Replaces `documentId` by the document it names, where Apollo reads it. */
function substitute(req: Request, document: string, search: URLSearchParams | undefined): void {
  if (search) {
    search.delete('documentId');
    search.set('query', document);
    req.url = `${req.url.split('?')[0]}?${search.toString()}`;
  } else {
    const body = req.body as Record<string, unknown>;
    delete body.documentId;
    body.query = document;
  }
}

function mayUseAdHoc(mode: TrustedDocumentsMode, claims: TokenClaims | null | undefined, adHocRoles: readonly string[]): boolean {
  if (mode === 'off') return true;
  if (mode === 'all' || !claims) return false;
  const roles = Array.isArray(claims.roles) ? (claims.roles as unknown[]) : [];
  return roles.some((role) => typeof role === 'string' && adHocRoles.includes(role));
}

/** What a request sent: the document it names, or the refusal it gets. */
export type DocumentResolution = { document?: string } | { refused: { code: 'BAD_REQUEST' | 'PERSISTED_DOCUMENT_NOT_FOUND' | 'PERSISTED_DOCUMENT_REQUIRED'; message: string } };

/**
 * The one rule for every transport (HTTP, graphql-ws, SSE, multipart): a `documentId` runs the
 * registered document; an unknown id is PERSISTED_DOCUMENT_NOT_FOUND; an ad-hoc `query` from a caller
 * the mode does not allow is PERSISTED_DOCUMENT_REQUIRED. `document` is undefined when the request's own `query` stands.
 */
export function resolveDocument(
  options: TrustedDocumentsOptions,
  sent: { documentId?: unknown; query?: unknown },
  claims: TokenClaims | null | undefined,
  fromService = false,
): DocumentResolution {
  const { documentId, query } = sent;
  if (documentId !== undefined) {
    if (query !== undefined) return { refused: { code: 'BAD_REQUEST', message: 'Send either documentId or query, not both.' } };
    const document = typeof documentId === 'string' ? options.documents.get(documentId) : undefined;
    if (document === undefined) {
      return { refused: { code: 'PERSISTED_DOCUMENT_NOT_FOUND', message: `No trusted document has the id ${String(documentId).slice(0, 80)}; ids are "sha256:<hex>" from a frontend's build.` } };
    }
    return { document };
  }
  if (query !== undefined && !(fromService && options.mode === 'anonymous') && !mayUseAdHoc(options.mode, claims, options.adHocRoles)) {
    return { refused: { code: 'PERSISTED_DOCUMENT_REQUIRED', message: 'This API accepts only trusted documents from you: send {"documentId": "sha256:<hex>", "variables": ...}.' } };
  }
  return {};
}

/** Set on a request whose document was already resolved (a subscription route runs before /graphql's own check). */
const RESOLVED = Symbol('trusted document resolved');

/**
 * Trusted documents on /graphql: `{"documentId": "sha256:<hex>", "variables": ...}` by POST, or
 * `?documentId=sha256:<hex>&variables=...` by GET, runs the registered document; refusals are 400
 * before anything is parsed (resolveDocument). Runs after the token is verified.
 */
export function trustedDocuments(options: TrustedDocumentsOptions): RequestHandler {
  return (req, res, next) => {
    const marked = req as Request & { [RESOLVED]?: boolean };
    if (marked[RESOLVED]) return next();
    marked[RESOLVED] = true;
    const { documentId, query, search } = parametersOf(req);
    const outcome = tokenOutcome(res);
    const fromService = options.serviceSecret !== undefined && checkGatewaySecret(options.serviceSecret, req.headers[GATEWAY_SECRET_HEADER]) === 'ok';
    const resolution = resolveDocument(options, { documentId, query }, outcome && 'claims' in outcome ? outcome.claims : null, fromService);
    if ('refused' in resolution) return res.status(400).json(errorBody(resolution.refused.code, resolution.refused.message));
    if (resolution.document !== undefined) substitute(req, resolution.document, search);
    next();
  };
}

export function trustedDocumentsOptionsFromConfig(config: TrustedDocumentsConfig): TrustedDocumentsOptions {
  return { documents: loadManifests(config), mode: config.TRUSTED_DOCUMENTS, adHocRoles: config.TRUSTED_DOCUMENTS_AD_HOC_ROLES, serviceSecret: config.SUBGRAPH_SHARED_SECRET };
}

export function trustedDocumentsFromConfig(config: TrustedDocumentsConfig): RequestHandler {
  return trustedDocuments(trustedDocumentsOptionsFromConfig(config));
}

/** A missing manifest is fatal when documents are required, and means "no ids yet" when they are optional (a checkout before its first build). */
function loadManifests(config: TrustedDocumentsConfig): TrustedDocuments {
  try {
    return TrustedDocuments.fromFiles(config.TRUSTED_DOCUMENTS_MANIFESTS);
  } catch (error) {
    if (config.TRUSTED_DOCUMENTS !== 'off' || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return new TrustedDocuments();
  }
}
