import { once } from 'node:events';
import type { ApolloServer } from '@apollo/server';
import { isCalendarDay, kato } from '@rz/schema';
import { stringify } from 'csv-stringify';
import type { Express, Request, Response } from 'express';
import { errorBody } from '../errors/coded-error';
import type { GatewayContext } from '../upstream/gateway-context';
import { DATASETS, type ExportParams, type Lang } from './export-datasets';

const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];
/** Excel reads a CSV as UTF-8 only with a byte order mark. */
const BOM = '\uFEFF';

class ExportRequestError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function paramsOf(req: Request, needsPeriod: boolean): { params: ExportParams; lang: Lang } {
  const q = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined);
  const lang = (q('lang') ?? 'kk') as Lang;
  if (!LANGS.includes(lang)) throw new ExportRequestError('lang', 'lang must be kk, ru or en');
  const territory = q('territory');
  if (territory !== undefined ? !kato().has(territory) : needsPeriod) throw new ExportRequestError('territory', 'territory must be a KATO code');
  const from = q('from');
  const to = q('to');
  for (const [field, value] of [['from', from], ['to', to]] as const) {
    if (value !== undefined && !isCalendarDay(value)) throw new ExportRequestError(field, `${field} must be a calendar date YYYY-MM-DD`);
    if (value === undefined && needsPeriod) throw new ExportRequestError(field, `${field} is required for this dataset`);
  }
  if (from && to && to < from) throw new ExportRequestError('to', 'The period cannot end before it starts');
  return { params: { territory, from, to }, lang };
}

/**
 * `GET /export/<dataset>.csv?territory=&from=&to=&lang=kk|ru|en`: open data as CSV, UTF-8 with a
 * BOM, headers in the requested language. Rows are read page by page through the gateway's own
 * execution with the caller's token (same answers as /graphql) and streamed with backpressure,
 * so memory stays flat whatever the size. Mounted after the token check and rate limits of /export.
 */
export function mountExport(app: Express, apollo: ApolloServer<GatewayContext>): void {
  app.get('/export/:file', async (req: Request, res: Response) => {
    const name = /^([a-z-]+)\.csv$/.exec(String(req.params.file))?.[1];
    const dataset = name ? DATASETS[name] : undefined;
    if (!dataset) {
      res.status(404).json(errorBody('NOT_FOUND', `No export ${req.params.file}; there are ${Object.keys(DATASETS).map((d) => `${d}.csv`).join(', ')}`));
      return;
    }
    let request: ReturnType<typeof paramsOf>;
    try {
      request = paramsOf(req, dataset.needsPeriod);
    } catch (error) {
      if (!(error instanceof ExportRequestError)) throw error;
      res.status(400).json(errorBody('BAD_USER_INPUT', error.message, { field: error.field }));
      return;
    }
    const execute = async (query: string, variables: Record<string, unknown>) => {
      const response = await apollo.executeOperation({ query, variables }, { contextValue: { authorization: req.headers.authorization, acceptLanguage: req.get('accept-language') } });
      if (response.body.kind !== 'single') throw new Error('An export query answered incrementally');
      const { data, errors } = response.body.singleResult;
      if (errors?.length) throw Object.assign(new Error(errors[0].message), { graphql: errors[0] });
      return data as Record<string, any>;
    };

    const rows = dataset.rows(execute, request.params, request.lang)[Symbol.asyncIterator]();
    let first: IteratorResult<Record<string, unknown>>;
    try {
      // The first page decides the status: an error before any row is still a proper JSON refusal.
      first = await rows.next();
    } catch (error) {
      const graphql = (error as { graphql?: { message: string; extensions?: Record<string, unknown> } }).graphql;
      const code = graphql?.extensions?.code === 'BAD_USER_INPUT' ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR';
      res.status(code === 'BAD_USER_INPUT' ? 400 : 500).json(errorBody(code, graphql?.message ?? 'The export failed'));
      return;
    }
    res.status(200).set({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}.csv"`,
      'cache-control': 'no-store',
    });
    res.write(BOM);
    const csv = stringify({ header: true, columns: dataset.columns.map((c) => ({ key: c.key, header: c.header[request.lang] })), cast: { boolean: (b) => (b ? 'true' : 'false') } });
    csv.pipe(res);
    try {
      for (let next = first; !next.done; next = await rows.next()) {
        if (res.destroyed) return;
        if (!csv.write(next.value)) await once(csv, 'drain');
      }
      csv.end();
    } catch {
      // Headers are gone: cut the response, so a client never takes a partial file for a whole one.
      csv.destroy();
      res.destroy();
    }
  });
}
