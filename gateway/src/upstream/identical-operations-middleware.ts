import type { OutgoingHttpHeader } from 'node:http';
import { observationOf, type RequestObservation } from '@rz/service-kit';
import type { RequestHandler, Response } from 'express';
import { InFlightRequests } from './in-flight-requests';

/** Request headers that can change an operation's answer or how it is sent (everything the context and Apollo read). */
const ANSWER_HEADERS = ['authorization', 'accept', 'content-type', 'accept-language', 'x-lang', 'idempotency-key', 'apollo-require-preflight', 'x-apollo-operation-name'];
/** Only plain queries are shared: a document that mentions a mutation or subscription anywhere runs alone. */
const WRITES = /\b(mutation|subscription)\b/;

/** What one execution answered: replayed to the identical requests that waited for it. */
interface Answer {
  status: number;
  /** The headers set after this middleware (Apollo's), not the request's own (request id, CORS). */
  headers: [string, OutgoingHttpHeader][];
  body: unknown;
  encoding?: BufferEncoding;
  operation: Pick<RequestObservation, 'graphql' | 'operationName' | 'operationType' | 'outcome' | 'refusedBy'>;
}

/**
 * Identical queries in flight at the gateway run once: a POST whose body (document, variables,
 * operation name) and answer-changing headers (`Authorization`, language, Accept, ...) equal those of
 * one already executing waits for that one's answer and sends it as its own (status, Apollo's headers,
 * body; its own request id and CORS headers stay). Runs after the token check, rate limits and trusted
 * documents, so every request passes those itself; two viewers never share (their tokens differ).
 * An answer sent in parts (streamed) or not sent at all makes the waiting requests execute themselves.
 */
export function identicalOperations(onShared: () => void = () => undefined): RequestHandler {
  const inFlight = new InFlightRequests<Answer | null>();
  return (req, res, next) => {
    const body = req.body as Record<string, unknown> | undefined;
    if (req.method !== 'POST' || !body || typeof body !== 'object' || Array.isArray(body) || typeof body.query !== 'string' || WRITES.test(body.query)) {
      return next();
    }
    let key: string;
    try {
      key = JSON.stringify(body);
    } catch {
      // Variables nested too deep to print (a hostile body): not shared; the request is refused further on.
      return next();
    }
    for (const name of ANSWER_HEADERS) {
      const value = req.headers[name];
      if (value !== undefined) key += `\n${name}:${String(value)}`;
    }
    let first = false;
    const answer = inFlight.run(
      key,
      () => {
        first = true;
        return capture(req, res, next);
      },
      onShared,
    );
    if (!first) {
      answer.then(
        (shared) => (shared ? replay(shared, res, observationOf(req)) : next()),
        () => next(),
      );
    }
  };
}

/** Lets the request execute, and resolves with what it answers (null when streamed or never answered). */
function capture(req: Parameters<RequestHandler>[0], res: Response, next: () => void): Promise<Answer | null> {
  return new Promise((resolve) => {
    const names = new Set<string>();
    const setHeader = res.setHeader.bind(res);
    res.setHeader = (name: string, value: OutgoingHttpHeader | readonly string[]) => {
      names.add(name.toLowerCase());
      return setHeader(name, value);
    };
    let streamed = false;
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    res.write = ((...args: unknown[]) => {
      streamed = true;
      return write(...args);
    }) as Response['write'];
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((chunk?: unknown, encoding?: unknown, ...rest: unknown[]) => {
      if (streamed || typeof chunk === 'function') {
        resolve(null);
      } else {
        const { graphql, operationName, operationType, outcome, refusedBy } = observationOf(req) ?? {};
        resolve({
          status: res.statusCode,
          headers: [...names].flatMap((name) => {
            const value = res.getHeader(name);
            return value === undefined ? [] : [[name, value] as [string, OutgoingHttpHeader]];
          }),
          body: chunk,
          encoding: typeof encoding === 'string' ? (encoding as BufferEncoding) : undefined,
          operation: { graphql, operationName, operationType, outcome, refusedBy },
        });
      }
      return end(chunk, encoding, ...rest);
    }) as Response['end'];
    res.once('close', () => resolve(null));
    next();
  });
}

function replay(answer: Answer, res: Response, observation: RequestObservation | undefined): void {
  // The request log and operation metrics name the operation as if this request had run it.
  if (observation) Object.assign(observation, answer.operation);
  res.statusCode = answer.status;
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  const body = answer.body as string | Buffer | undefined;
  if (answer.encoding) res.end(body, answer.encoding);
  else res.end(body);
}
