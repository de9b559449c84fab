import { TypedDocumentString } from './gql/graphql';
import { requestData, requestPartialData } from './request';

const DOCUMENT = new TypedDocumentString<{ territory: { code: string; qrCoverage: { share: number } | null } }, Record<string, never>>(
  'query Region { territory(code: "750000000") { code qrCoverage { share } } }',
);

/** A gateway answer as fetch returns it. */
const answering = (body: unknown): typeof fetch => async () =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/graphql-response+json' } });

const outage = {
  data: { territory: { code: '750000000', qrCoverage: null } },
  errors: [{ message: 'The service that answers this field is unavailable', path: ['territory', 'qrCoverage'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }],
};

describe('requestPartialData', () => {
  it('keeps the rest of an answer when a part of the graph is down, naming what is missing', async () => {
    const partial = await requestPartialData('http://gateway/graphql', DOCUMENT, {}, { fetch: answering(outage) });
    expect(partial).toEqual({ data: outage.data, missing: ['territory.qrCoverage'] });
  });

  it('answers a complete result with nothing missing', async () => {
    const whole = { data: { territory: { code: '750000000', qrCoverage: { share: 0.5 } } } };
    expect(await requestPartialData('http://gateway/graphql', DOCUMENT, {}, { fetch: answering(whole) })).toEqual({ data: whole.data, missing: [] });
  });

  it('throws on any other error, and on an answer without data', async () => {
    const refused = { data: outage.data, errors: [...outage.errors, { message: 'Not allowed', extensions: { code: 'FORBIDDEN' } }] };
    await expect(requestPartialData('http://gateway/graphql', DOCUMENT, {}, { fetch: answering(refused) })).rejects.toThrow('Not allowed (FORBIDDEN)');
    await expect(requestPartialData('http://gateway/graphql', DOCUMENT, {}, { fetch: answering({ errors: outage.errors }) })).rejects.toThrow(
      'SUBGRAPH_UNAVAILABLE',
    );
  });

  it('leaves requestData strict: an outage is an error there', async () => {
    await expect(requestData('http://gateway/graphql', DOCUMENT, {}, { fetch: answering(outage) })).rejects.toThrow('(SUBGRAPH_UNAVAILABLE)');
  });
});
