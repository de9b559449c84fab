/** How a service answers a request its JSON body parser refused: status, coded error, message. */
export interface BodyRefusal {
  status: 400 | 413 | 415;
  code: 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE';
  message: string;
}

/**
 * Maps a body-parser failure (express.json: `status`, `type`) to a GraphQL-shaped
 * refusal, so an oversized body is a coded 413 and a malformed one a coded 400,
 * never an HTML error page. Undefined for anything that is not a client error.
 */
export function bodyRefusal(error: { status?: unknown; type?: unknown } | undefined): BodyRefusal | undefined {
  const status = error?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  if (status === 413) return { status, code: 'PAYLOAD_TOO_LARGE', message: 'Request body too large' };
  if (status === 415) return { status, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported body encoding' };
  return { status: 400, code: 'BAD_REQUEST', message: error?.type === 'entity.parse.failed' ? 'Body is not valid JSON' : 'Malformed request body' };
}
