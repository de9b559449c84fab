import { kato } from '@rz/schema';
import { groupBy, subtreePairs, type SubgraphContext } from '@rz/subgraph-runtime';
import { BaseProject, EventKind, EventStatus } from '../event/event.enums';
import { EnrolmentService } from '../enrolment/enrolment.service';
import { EventParticipantKind, EventRegistrationStatus } from '../registration/registration.enums';
import type { TarbieBilimIndicatorsShape } from './indicators.type';
import { schoolYearLabel, schoolYearPeriod } from './school-year';

export class IndicatorsService {
  constructor(private readonly ctx: SubgraphContext) {}

  async forTerritory(territoryCode: string, schoolYear: number, field = 'territory'): Promise<TarbieBilimIndicatorsShape> {
    const [indicators] = await this.forTerritories([kato().require(territoryCode, field).code], schoolYear);
    return indicators;
  }

  /** The indicators of many territories in the same five statements: each figure grouped by territory. */
  async forTerritories(codes: string[], schoolYear: number): Promise<TarbieBilimIndicatorsShape[]> {
    const period = schoolYearPeriod(schoolYear);
    const { roots, members } = subtreePairs(codes);
    // $1, $2: each territory's subtree, as (root, code) rows.
    const subtree = 'unnest($1::text[], $2::text[]) AS tm(root, code)';
    const db = this.ctx.db;

    const [clubRows, eventRows, participantRows, excursionRows, enrolled] = await Promise.all([
      db.query(
        `SELECT tm.root, count(*)::int AS clubs, coalesce(sum(cm.members), 0)::int AS members
           FROM local_history_club c JOIN local_history_club_members cm ON cm.club_id = c.id JOIN ${subtree} ON tm.code = c.territory_code
          WHERE cm.school_year = $3 AND cm.members > 0
          GROUP BY tm.root`,
        [roots, members, period.year],
      ) as Promise<{ root: string; clubs: number; members: number }[]>,
      db.query(
        `SELECT tm.root, kind, base_project, count(*)::int AS count FROM event JOIN ${subtree} ON tm.code = event.territory_code
          WHERE starts_at >= $3 AND starts_at < $4 AND status <> $5
          GROUP BY tm.root, kind, base_project`,
        [roots, members, period.start, period.end, EventStatus.CANCELLED],
      ) as Promise<{ root: string; kind: EventKind; base_project: BaseProject; count: number }[]>,
      db.query(
        `SELECT tm.root, count(DISTINCT r.participant_subject)::int AS participants
           FROM event_registration r JOIN event e ON e.id = r.event_id JOIN ${subtree} ON tm.code = r.school_territory_code
          WHERE r.participant_kind = $3 AND r.status = $4
            AND e.starts_at >= $5 AND e.starts_at < $6 AND e.status <> $7
          GROUP BY tm.root`,
        [roots, members, EventParticipantKind.STUDENT, EventRegistrationStatus.CONFIRMED, period.start, period.end, EventStatus.CANCELLED],
      ) as Promise<{ root: string; participants: number }[]>,
      db.query(
        `SELECT tm.root, count(DISTINCT e.id)::int AS excursions, count(DISTINCT em.monument_id)::int AS monuments
           FROM event e JOIN event_monument em ON em.event_id = e.id JOIN ${subtree} ON tm.code = e.territory_code
          WHERE e.kind = $3 AND e.starts_at >= $4 AND e.starts_at < $5 AND e.status <> $6
          GROUP BY tm.root`,
        [roots, members, EventKind.EXCURSION, period.start, period.end, EventStatus.CANCELLED],
      ) as Promise<{ root: string; excursions: number; monuments: number }[]>,
      new EnrolmentService(this.ctx).totals(codes, period.year),
    ]);
    const clubsOf = new Map(clubRows.map((row) => [row.root, row]));
    const participantsOf = new Map(participantRows.map((row) => [row.root, row.participants]));
    const excursionsOf = new Map(excursionRows.map((row) => [row.root, row]));
    const eventsOf = groupBy(eventRows, (row) => row.root);
    return codes.map((code, index) =>
      indicatorsOf(code, period, {
        clubs: clubsOf.get(code) ?? { clubs: 0, members: 0 },
        eventRows: eventsOf.get(code) ?? [],
        participants: participantsOf.get(code) ?? 0,
        excursions: excursionsOf.get(code) ?? { excursions: 0, monuments: 0 },
        enrolledStudents: enrolled[index],
      }),
    );
  }
}

interface Figures {
  clubs: { clubs: number; members: number };
  eventRows: { kind: EventKind; base_project: BaseProject; count: number }[];
  participants: number;
  excursions: { excursions: number; monuments: number };
  enrolledStudents: number | null;
}

function indicatorsOf(territoryCode: string, period: ReturnType<typeof schoolYearPeriod>, figures: Figures): TarbieBilimIndicatorsShape {
  const { clubs, eventRows, participants, excursions, enrolledStudents } = figures;
  const byKind = new Map<EventKind, number>();
  const byProject = new Map<BaseProject, number>();
  let events = 0;
  for (const row of eventRows) {
    byKind.set(row.kind, (byKind.get(row.kind) ?? 0) + row.count);
    byProject.set(row.base_project, (byProject.get(row.base_project) ?? 0) + row.count);
    events += row.count;
  }
  return {
    territoryCode,
    schoolYear: period.year,
    schoolYearLabel: schoolYearLabel(period.year),
    periodStart: period.start,
    periodEnd: period.end,
    clubs: clubs.clubs,
    clubMembers: clubs.members,
    events,
    eventsByKind: Object.values(EventKind).map((kind) => ({ kind, count: byKind.get(kind) ?? 0 })),
    eventsByBaseProject: Object.values(BaseProject).map((baseProject) => ({ baseProject, count: byProject.get(baseProject) ?? 0 })),
    participants,
    enrolledStudents,
    participationShare: enrolledStudents ? participants / enrolledStudents : null,
    excursionsToMonuments: excursions.excursions,
    monumentsVisited: excursions.monuments,
  };
}
