import { badUserInput, kato, TerritoryLevel } from '@rz/schema';
import { groupBy, subtreePairs } from '@rz/subgraph-runtime';
import type { EntityManager } from 'typeorm';
import { addDays, kzDay, kzDayStart } from '../../shared/kz-time';
import { RANKED_NOMINATIONS, ZhomartNomination, type ZhomartPeriodKind } from './zhomart.enums';
import { periodContaining, type ZhomartPeriod } from './zhomart-period';
import type { AtamekenContext } from '../../context';

export interface ZhomartRankingRow {
  rank: number;
  score: number;
  candidate: string;
  patronName: string | null;
  /** BEST_PATRON only: the patron's account, for the award row; never published. */
  patronSubject?: string;
}

export interface ZhomartRankingResult {
  nomination: ZhomartNomination;
  periodKind: ZhomartPeriodKind;
  periodStart: string;
  periodEnd: string;
  tieBreak: string;
  entries: (ZhomartRankingRow & { isVolunteer: boolean })[];
}

/** The stated tie-break rule of each ranked nomination; the SQL below orders exactly so. */
export const TIE_BREAK: Readonly<Partial<Record<ZhomartNomination, string>>> = {
  [ZhomartNomination.MOST_ACTIVE_VOLUNTEER]:
    'Equal people helped: more confirmed help records in the period first, then the volunteer registered earlier, then the smaller id',
  [ZhomartNomination.FAVOURITE_VOLUNTEER]:
    'Equal positive reviews: fewer negative reviews in the period first, then the volunteer registered earlier, then the smaller id',
  [ZhomartNomination.BEST_PATRON]:
    'Equal tenge pledged: more initiatives supported first, then the earlier first pledge, then the smaller pledge id',
};

/**
 * A scope is a district or city (DISTRICT), a region or city of republican significance
 * (REGION), or the whole republic (no territory). Returns the codes it covers, or null.
 */
export function scopeCodes(territory: string | null | undefined, field: string): string[] | null {
  if (!territory) return null;
  const node = kato().require(territory, field);
  if (node.level !== TerritoryLevel.REGION && node.level !== TerritoryLevel.DISTRICT) {
    throw badUserInput(field, 'A Zhomart Zhurek scope is a district, city, region or the whole republic');
  }
  return kato().subtreeCodes(node.code);
}

/** Every ranking reads the same typed arguments; each uses the ones it needs. */
const ARGS = `WITH args AS (
  SELECT $1::date AS day_from, $2::date AS day_to, $3::timestamptz AS at_from, $4::timestamptz AS at_to, $5::text[] AS codes
)`;

/** ARGS for one of many scopes (scope.root, from $5), whose subtrees are ($7, $8) as (root, code) rows. */
const SCOPE_ARGS = `WITH args AS (
  SELECT $1::date AS day_from, $2::date AS day_to, $3::timestamptz AS at_from, $4::timestamptz AS at_to,
         ARRAY(SELECT tm.code FROM unnest($7::text[], $8::text[]) AS tm(root, code) WHERE tm.root = scope.root) AS codes
)`;

const SQL: Record<string, string> = {
  [ZhomartNomination.MOST_ACTIVE_VOLUNTEER]: `
    SELECT row_number() OVER (ORDER BY sum(h.people_helped) DESC, count(*) DESC, v.created_at, v.id)::int AS rank,
           sum(h.people_helped)::float8 AS score, v.id::text AS candidate, NULL AS patron_name, NULL AS patron_subject
    FROM args, volunteer_help_record h JOIN volunteer v ON v.id = h.volunteer_id
    WHERE h.status = 'CONFIRMED' AND h.helped_on BETWEEN args.day_from AND args.day_to
      AND (args.codes IS NULL OR h.territory_code = ANY(args.codes))
    GROUP BY v.id, v.created_at
    ORDER BY rank LIMIT $6::int`,
  [ZhomartNomination.FAVOURITE_VOLUNTEER]: `
    SELECT row_number() OVER (
             ORDER BY count(*) FILTER (WHERE r.positive) DESC, count(*) FILTER (WHERE NOT r.positive), v.created_at, v.id
           )::int AS rank,
           (count(*) FILTER (WHERE r.positive))::float8 AS score, v.id::text AS candidate, NULL AS patron_name, NULL AS patron_subject
    FROM args, volunteer_review r JOIN volunteer v ON v.id = r.volunteer_id
    WHERE r.created_at >= args.at_from AND r.created_at < args.at_to AND (args.codes IS NULL OR v.territory_code = ANY(args.codes))
    GROUP BY v.id, v.created_at
    HAVING count(*) FILTER (WHERE r.positive) > 0
    ORDER BY rank LIMIT $6::int`,
  [ZhomartNomination.BEST_PATRON]: `
    SELECT row_number() OVER (
             ORDER BY sum(p.amount) DESC, count(DISTINCT p.initiative_id) DESC, min(p.created_at), (array_agg(p.id ORDER BY p.created_at, p.id))[1]
           )::int AS rank,
           sum(p.amount)::float8 AS score, (array_agg(p.id ORDER BY p.created_at, p.id))[1]::text AS candidate,
           p.organisation AS patron_name, p.pledger_subject AS patron_subject
    FROM args, initiative_pledge p JOIN initiative i ON i.id = p.initiative_id
    WHERE p.status = 'ACTIVE' AND i.status = 'IMPLEMENTED' AND i.implemented_at >= args.at_from AND i.implemented_at < args.at_to
      AND (args.codes IS NULL OR i.territory_code = ANY(args.codes))
    GROUP BY p.pledger_subject, p.organisation
    ORDER BY rank LIMIT $6::int`,
};

export class ZhomartRankingService {
  constructor(private readonly ctx: AtamekenContext) {}

  /** Public ranking: patrons' accounts are dropped. */
  async ranking(
    nomination: ZhomartNomination,
    territory: string | null | undefined,
    kind: ZhomartPeriodKind,
    day: string | null | undefined,
    first: number,
  ): Promise<ZhomartRankingResult> {
    const codes = scopeCodes(territory, 'territory');
    const period = periodContaining(kind, day ?? kzDay());
    return publicRanking(nomination, kind, period, await rankRows(this.ctx.db.manager, nomination, codes, period, first, 'nomination'));
  }

  /**
   * ranking() with each of many territories as scope, in one statement; a territory that cannot be a
   * scope gets its own error.
   */
  async rankingsWithin(
    nomination: ZhomartNomination,
    territories: string[],
    kind: ZhomartPeriodKind,
    day: string | null | undefined,
    first: number,
  ): Promise<(ZhomartRankingResult | Error)[]> {
    const checked = territories.map((code) => {
      try {
        scopeCodes(code, 'territory');
        return code;
      } catch (error) {
        return error as Error;
      }
    });
    const scopes = checked.filter((c): c is string => typeof c === 'string');
    let period: ZhomartPeriod;
    try {
      period = periodContaining(kind, day ?? kzDay());
      if (!RANKED_NOMINATIONS.includes(nomination)) throw badUserInput('nomination', `${nomination} is not ranked from the data: the committee names its winner`);
    } catch (error) {
      // As ranking() would: the territory is judged first.
      return checked.map((c) => (typeof c === 'string' ? (error as Error) : c));
    }
    const { roots, members } = subtreePairs(scopes);
    const rows: (RawRankRow & { root: string })[] = await this.ctx.db.query(
      `SELECT scope.root, x.* FROM unnest($5::text[]) AS scope(root) CROSS JOIN LATERAL (${SCOPE_ARGS} ${SQL[nomination]}) x ORDER BY scope.root, x.rank`,
      [period.start, period.end, kzDayStart(period.start), kzDayStart(addDays(period.end, 1)), scopes, first, roots, members],
    );
    const byScope = groupBy(rows, (row) => row.root);
    return checked.map((c) => (typeof c === 'string' ? publicRanking(nomination, kind, period, (byScope.get(c) ?? []).map(rankRow)) : c));
  }
}

/** Public ranking: patrons' accounts are dropped. */
function publicRanking(nomination: ZhomartNomination, kind: ZhomartPeriodKind, period: ZhomartPeriod, rows: ZhomartRankingRow[]): ZhomartRankingResult {
  return {
    nomination,
    periodKind: kind,
    periodStart: period.start,
    periodEnd: period.end,
    tieBreak: TIE_BREAK[nomination]!,
    entries: rows.map(({ patronSubject: _private, ...entry }) => ({ ...entry, isVolunteer: nomination !== ZhomartNomination.BEST_PATRON })),
  };
}

type RawRankRow = { rank: number; score: number; candidate: string; patron_name: string | null; patron_subject: string | null };

function rankRow(r: RawRankRow): ZhomartRankingRow {
  return {
    rank: r.rank,
    score: r.score,
    candidate: r.candidate,
    patronName: r.patron_name,
    ...(r.patron_subject ? { patronSubject: r.patron_subject } : {}),
  };
}

/** Runs a ranked nomination's SQL; `limit` null ranks every candidate. */
export async function rankRows(
  manager: EntityManager,
  nomination: ZhomartNomination,
  codes: string[] | null,
  period: ZhomartPeriod,
  limit: number | null,
  field: string,
): Promise<ZhomartRankingRow[]> {
  if (!RANKED_NOMINATIONS.includes(nomination)) {
    throw badUserInput(field, `${nomination} is not ranked from the data: the committee names its winner`);
  }
  const rows: RawRankRow[] = await manager.query(
    `${ARGS} ${SQL[nomination]}`,
    [period.start, period.end, kzDayStart(period.start), kzDayStart(addDays(period.end, 1)), codes, limit],
  );
  return rows.map(rankRow);
}
