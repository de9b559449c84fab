import { kato } from '@rz/schema';
import type { SubgraphContext } from '@rz/subgraph-runtime';
import { BaseProject, EventKind, EventStatus } from '../event/event.enums';
import { EnrolmentService } from '../enrolment/enrolment.service';
import { EventParticipantKind, EventRegistrationStatus } from '../registration/registration.enums';
import type { TarbieBilimIndicatorsShape } from './indicators.type';
import { schoolYearLabel, schoolYearPeriod } from './school-year';

export class IndicatorsService {
  constructor(private readonly ctx: SubgraphContext) {}

  async forTerritory(territoryCode: string, schoolYear: number, field = 'territory'): Promise<TarbieBilimIndicatorsShape> {
    const territory = kato().require(territoryCode, field);
    const period = schoolYearPeriod(schoolYear);
    const codes = kato().subtreeCodes(territory.code);
    const db = this.ctx.db;

    const [clubRows, eventRows, participantRows, excursionRows, enrolledStudents] = await Promise.all([
      db.query(
        `SELECT count(*)::int AS clubs, coalesce(sum(cm.members), 0)::int AS members
           FROM local_history_club c JOIN local_history_club_members cm ON cm.club_id = c.id
          WHERE c.territory_code = ANY($1) AND cm.school_year = $2 AND cm.members > 0`,
        [codes, period.year],
      ) as Promise<{ clubs: number; members: number }[]>,
      db.query(
        `SELECT kind, base_project, count(*)::int AS count FROM event
          WHERE territory_code = ANY($1) AND starts_at >= $2 AND starts_at < $3 AND status <> $4
          GROUP BY kind, base_project`,
        [codes, period.start, period.end, EventStatus.CANCELLED],
      ) as Promise<{ kind: EventKind; base_project: BaseProject; count: number }[]>,
      db.query(
        `SELECT count(DISTINCT r.participant_subject)::int AS participants
           FROM event_registration r JOIN event e ON e.id = r.event_id
          WHERE r.school_territory_code = ANY($1) AND r.participant_kind = $2 AND r.status = $3
            AND e.starts_at >= $4 AND e.starts_at < $5 AND e.status <> $6`,
        [codes, EventParticipantKind.STUDENT, EventRegistrationStatus.CONFIRMED, period.start, period.end, EventStatus.CANCELLED],
      ) as Promise<{ participants: number }[]>,
      db.query(
        `SELECT count(DISTINCT e.id)::int AS excursions, count(DISTINCT em.monument_id)::int AS monuments
           FROM event e JOIN event_monument em ON em.event_id = e.id
          WHERE e.territory_code = ANY($1) AND e.kind = $2 AND e.starts_at >= $3 AND e.starts_at < $4 AND e.status <> $5`,
        [codes, EventKind.EXCURSION, period.start, period.end, EventStatus.CANCELLED],
      ) as Promise<{ excursions: number; monuments: number }[]>,
      new EnrolmentService(this.ctx).total(territory, period.year),
    ]);

    const byKind = new Map<EventKind, number>();
    const byProject = new Map<BaseProject, number>();
    let events = 0;
    for (const row of eventRows) {
      byKind.set(row.kind, (byKind.get(row.kind) ?? 0) + row.count);
      byProject.set(row.base_project, (byProject.get(row.base_project) ?? 0) + row.count);
      events += row.count;
    }
    const participants = participantRows[0].participants;
    return {
      territoryCode: territory.code,
      schoolYear: period.year,
      schoolYearLabel: schoolYearLabel(period.year),
      periodStart: period.start,
      periodEnd: period.end,
      clubs: clubRows[0].clubs,
      clubMembers: clubRows[0].members,
      events,
      eventsByKind: Object.values(EventKind).map((kind) => ({ kind, count: byKind.get(kind) ?? 0 })),
      eventsByBaseProject: Object.values(BaseProject).map((baseProject) => ({ baseProject, count: byProject.get(baseProject) ?? 0 })),
      participants,
      enrolledStudents,
      participationShare: enrolledStudents ? participants / enrolledStudents : null,
      excursionsToMonuments: excursionRows[0].excursions,
      monumentsVisited: excursionRows[0].monuments,
    };
  }
}
