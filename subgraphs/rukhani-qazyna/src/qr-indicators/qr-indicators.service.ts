import { badUserInput, daysBetween, FALLBACK_ORDER, kato, KAZAKHSTAN_UTC_OFFSET, type Lang, type TerritoryNode } from '@rz/schema';
import type { SubgraphContext } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import { MonumentService } from '../monument/monument.service';
import type { MonumentEntity } from '../monument/monument.entity';
import { QrCodeStatus, QrScanDevice } from '../qr-code/qr-code.enums';
import type { RukhaniQazynaContext } from '../context';

export const MAX_PERIOD_DAYS = 1096;
export const TOP_MONUMENTS_MAX = 100;

/** Which scans a set of indicators covers. */
export interface QrScanScope {
  from: string;
  to: string;
  /** Territory subtree of the scanned monuments; null for the republic. */
  territoryCodes: string[] | null;
  monumentId: string | null;
}

export interface CoverageRow {
  territory: TerritoryNode | null;
  monuments: number;
  monumentsWithInstalledQr: number;
  share: number | null;
}

/** Monument and installed-code counts per territory code, read once per request. */
export function coverageCountsLoader({ db }: SubgraphContext): () => Promise<Map<string, { monuments: number; withQr: number }>> {
  let pending: Promise<Map<string, { monuments: number; withQr: number }>> | undefined;
  return () =>
    (pending ??= db
      .query(
        `SELECT m.territory_code, count(*)::int AS monuments,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM qr_code q WHERE q.monument_id = m.id AND q.status = $1))::int AS with_qr
         FROM monument m GROUP BY m.territory_code`,
        [QrCodeStatus.INSTALLED],
      )
      .then((rows: { territory_code: string; monuments: number; with_qr: number }[]) => new Map(rows.map((r) => [r.territory_code, { monuments: r.monuments, withQr: r.with_qr }]))));
}

function coverage(territory: TerritoryNode | null, monuments: number, withQr: number): CoverageRow {
  return { territory, monuments, monumentsWithInstalledQr: withQr, share: monuments ? withQr / monuments : null };
}

export class QrIndicatorsService {
  constructor(private readonly ctx: RukhaniQazynaContext) {}

  /** Share of monuments with an installed QR code in a territory's subtree. */
  async coverageOf(territory: TerritoryNode): Promise<CoverageRow> {
    const counts = await this.ctx.loaders.get(coverageCountsLoader)();
    let monuments = 0;
    let withQr = 0;
    for (const [code, c] of counts) {
      if (kato().isWithin(code, territory.code)) {
        monuments += c.monuments;
        withQr += c.withQr;
      }
    }
    return coverage(territory, monuments, withQr);
  }

  async coverageReport(): Promise<{ republic: CoverageRow; regions: CoverageRow[] }> {
    const counts = await this.ctx.loaders.get(coverageCountsLoader)();
    const byRegion = new Map<string, { monuments: number; withQr: number }>();
    for (const [code, c] of counts) {
      const region = kato().find(code) ? kato().region(code).code : null;
      if (!region) continue;
      const sum = byRegion.get(region) ?? { monuments: 0, withQr: 0 };
      byRegion.set(region, { monuments: sum.monuments + c.monuments, withQr: sum.withQr + c.withQr });
    }
    const regions = kato().regions.map((r) => coverage(r, byRegion.get(r.code)?.monuments ?? 0, byRegion.get(r.code)?.withQr ?? 0));
    const total = regions.reduce((acc, r) => ({ monuments: acc.monuments + r.monuments, withQr: acc.withQr + r.monumentsWithInstalledQr }), { monuments: 0, withQr: 0 });
    return { republic: coverage(null, total.monuments, total.withQr), regions };
  }

  /** Validates the period and filters of a scan query. */
  scope(period: { from: string; to: string }, territory?: string | null, monumentId?: string | null): QrScanScope {
    if (period.from > period.to) throw badUserInput('period.to', 'The period ends before it starts');
    if (daysBetween(period.from, period.to) >= MAX_PERIOD_DAYS) throw badUserInput('period.to', `A period is at most ${MAX_PERIOD_DAYS} days`);
    if (monumentId && !isUUID(monumentId)) throw badUserInput('monumentId', 'Not a monument id');
    return {
      from: period.from,
      to: period.to,
      territoryCodes: territory ? kato().subtreeCodes(territory, 'territory') : null,
      monumentId: monumentId ?? null,
    };
  }

  /** WHERE clause and parameters selecting a scope's scans; $1..$4 are fixed. */
  private where(scope: QrScanScope, withBots = false): { sql: string; params: unknown[] } {
    const zone = `INTERVAL '${KAZAKHSTAN_UTC_OFFSET}'`;
    const clauses = [
      // Day bounds are midnights in Kazakhstan time.
      `s.scanned_at >= ($1::date::timestamp AT TIME ZONE ${zone})`,
      `s.scanned_at < (($2::date + 1)::timestamp AT TIME ZONE ${zone})`,
      `($3::text[] IS NULL OR m.territory_code = ANY($3::text[]))`,
      `($4::uuid IS NULL OR s.monument_id = $4::uuid)`,
    ];
    if (!withBots) clauses.push(`s.device <> '${QrScanDevice.BOT}'`);
    return { sql: `FROM qr_scan s JOIN monument m ON m.id = s.monument_id WHERE ${clauses.join(' AND ')}`, params: [scope.from, scope.to, scope.territoryCodes, scope.monumentId] };
  }

  async total(scope: QrScanScope): Promise<number> {
    const { sql, params } = this.where(scope);
    const [row] = await this.ctx.db.query(`SELECT count(*)::int AS scans ${sql}`, params);
    return row.scans;
  }

  /** Every day of the period, days without scans included. */
  async byDay(scope: QrScanScope): Promise<{ day: string; scans: number }[]> {
    const { sql, params } = this.where(scope);
    return this.ctx.db.query(
      `WITH counted AS (SELECT (s.scanned_at AT TIME ZONE INTERVAL '${KAZAKHSTAN_UTC_OFFSET}')::date AS day, count(*)::int AS scans ${sql} GROUP BY 1)
       SELECT to_char(d, 'YYYY-MM-DD') AS day, coalesce(c.scans, 0) AS scans
       FROM generate_series($1::date, $2::date, INTERVAL '1 day') d LEFT JOIN counted c ON c.day = d::date
       ORDER BY d`,
      params,
    );
  }

  /** kk, ru, en in that order, zeros included. */
  async byLanguage(scope: QrScanScope): Promise<{ lang: Lang; scans: number }[]> {
    const { sql, params } = this.where(scope);
    const rows: { lang: Lang; scans: number }[] = await this.ctx.db.query(`SELECT s.lang, count(*)::int AS scans ${sql} GROUP BY s.lang`, params);
    return FALLBACK_ORDER.map((lang) => ({ lang, scans: rows.find((r) => r.lang === lang)?.scans ?? 0 }));
  }

  /** Every device class, automated clients included, zeros included. */
  async byDevice(scope: QrScanScope): Promise<{ device: QrScanDevice; scans: number }[]> {
    const { sql, params } = this.where(scope, true);
    const rows: { device: QrScanDevice; scans: number }[] = await this.ctx.db.query(`SELECT s.device, count(*)::int AS scans ${sql} GROUP BY s.device`, params);
    return Object.values(QrScanDevice).map((device) => ({ device, scans: rows.find((r) => r.device === device)?.scans ?? 0 }));
  }

  /** Most scanned monuments, ties broken by monument id so the order is stable. */
  async topMonuments(scope: QrScanScope, first: number): Promise<{ rank: number; monument: MonumentEntity; scans: number }[]> {
    if (!(Number.isInteger(first) && first >= 1 && first <= TOP_MONUMENTS_MAX)) throw badUserInput('first', `first must be 1 to ${TOP_MONUMENTS_MAX}`);
    const { sql, params } = this.where(scope);
    const rows: { monument_id: string; scans: number }[] = await this.ctx.db.query(
      `SELECT s.monument_id, count(*)::int AS scans ${sql} GROUP BY s.monument_id ORDER BY scans DESC, s.monument_id ASC LIMIT $5`,
      [...params, first],
    );
    const monuments = new MonumentService(this.ctx);
    return Promise.all(rows.map(async (r, index) => ({ rank: index + 1, monument: (await monuments.byId(r.monument_id))!, scans: r.scans })));
  }
}
