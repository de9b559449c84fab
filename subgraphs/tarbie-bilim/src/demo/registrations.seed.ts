import { kato } from '@rz/schema';
import { type Logger } from '@rz/service-kit';
import { stableId } from '@rz/subgraph-runtime';
import { In, type DataSource } from 'typeorm';
import { EventRegistrationEntity } from '../registration/registration.entity';
import { EventParticipantKind, EventRegistrationStatus } from '../registration/registration.enums';
import { EventResultEntity } from '../result/result.entity';
import { eventDemoId } from './events.seed';

interface DemoParticipant {
  /** Stable per person: the same student may take part in several events. */
  person: string;
  grade?: number;
  school: string;
  territory: string;
}

interface DemoRegistrations {
  event: string;
  /** In registration order; beyond `confirmed`, the rest wait. */
  participants: DemoParticipant[];
  confirmed?: number;
  /** Placings and awards by participant index, for completed competitions and olympiads. */
  results?: { index: number; placing?: number; award?: string }[];
}

/** Demo people are token subjects nobody signs in as. */
export function demoSubject(person: string): string {
  return `demo:${person}`;
}

function registrationDemoId(event: string, person: string): string {
  return stableId(`registration:${event}:${person}`);
}

const student = (person: string, grade: number, school: string, territory: string): DemoParticipant => ({ person, grade, school, territory });
const teacher = (person: string, school: string, territory: string): DemoParticipant => ({ person, school, territory });

const TURKISTAN_SCHOOL = '№ 3 Ы. Алтынсарин атындағы мектеп-гимназия';
const ALMATY_GYMNASIUM = '№ 12 гимназия';
const ALMATY_LYCEUM = '№ 165 лицей';
const SHYMKENT_SCHOOL = '№ 62 жалпы орта мектеп';
const TARAZ_SCHOOL = 'Аса ауылының № 5 мектебі';
const PAVLODAR_SCHOOL = '№ 9 жалпы орта білім беретін мектеп';

export const DEMO_REGISTRATIONS: readonly DemoRegistrations[] = [
  {
    event: 'turkistan-yasawi-excursion',
    participants: [
      student('student:turkistan:1', 7, TURKISTAN_SCHOOL, '611010000'),
      student('student:turkistan:2', 8, TURKISTAN_SCHOOL, '611010000'),
      student('student:turkistan:3', 9, TURKISTAN_SCHOOL, '611010000'),
      student('student:otrar:1', 8, 'Шәуілдір ауылының № 1 мектебі', '614800000'),
      teacher('teacher:turkistan:1', TURKISTAN_SCHOOL, '611010000'),
    ],
  },
  {
    event: 'almaty-young-historians-rally',
    participants: [
      student('student:almaty:1', 9, ALMATY_GYMNASIUM, '751710000'),
      student('student:almaty:2', 10, ALMATY_GYMNASIUM, '751710000'),
      student('student:almaty:3', 10, ALMATY_LYCEUM, '751110000'),
      student('student:almaty:4', 11, ALMATY_LYCEUM, '751110000'),
      teacher('teacher:almaty:1', ALMATY_GYMNASIUM, '751710000'),
    ],
  },
  {
    event: 'almaty-olketanu-olympiad',
    participants: [
      student('student:almaty:1', 9, ALMATY_GYMNASIUM, '751710000'),
      student('student:almaty:3', 10, ALMATY_LYCEUM, '751110000'),
      student('student:almaty:5', 11, ALMATY_LYCEUM, '751110000'),
      student('student:almaty:6', 8, '№ 54 мектеп-гимназия', '751410000'),
      student('student:almaty:7', 9, '№ 54 мектеп-гимназия', '751410000'),
    ],
    results: [
      { index: 2, placing: 1, award: 'I дәрежелі диплом' },
      { index: 0, placing: 2, award: 'II дәрежелі диплом' },
      { index: 3, placing: 3, award: 'III дәрежелі диплом' },
      { index: 4, award: 'Мақтау қағазы' },
    ],
  },
  {
    event: 'turkistan-olketanu-competition',
    participants: [
      teacher('teacher:turkistan:1', TURKISTAN_SCHOOL, '611010000'),
      teacher('teacher:kentau:1', 'Кентау қаласының № 2 мектебі', '612010000'),
      teacher('teacher:otrar:1', 'Шәуілдір ауылының № 1 мектебі', '614800000'),
    ],
    results: [
      { index: 2, placing: 1, award: 'Үздік мектеп мұражайы' },
      { index: 0, placing: 2 },
      { index: 1, placing: 3 },
    ],
  },
  {
    event: 'turkistan-otrar-week-in-the-village',
    participants: [
      student('student:shymkent:1', 7, SHYMKENT_SCHOOL, '791110000'),
      student('student:shymkent:2', 7, SHYMKENT_SCHOOL, '791110000'),
      student('student:shymkent:3', 8, SHYMKENT_SCHOOL, '791110000'),
    ],
  },
  {
    event: 'zhambyl-taraz-week-in-the-city',
    participants: [
      student('student:zhambyl:1', 6, TARAZ_SCHOOL, '314030000'),
      student('student:zhambyl:2', 7, TARAZ_SCHOOL, '314030000'),
      teacher('teacher:zhambyl:1', TARAZ_SCHOOL, '314030000'),
    ],
  },
  {
    event: 'shymkent-career-master-class',
    participants: [
      student('student:shymkent:4', 10, SHYMKENT_SCHOOL, '791110000'),
      student('student:shymkent:5', 11, '№ 8 мамандандырылған лицей', '791310000'),
    ],
  },
  {
    event: 'astana-otanym-conference',
    participants: [
      teacher('teacher:astana:1', 'Назарбаев Зияткерлік мектебі', '711210000'),
      student('student:astana:1', 11, 'Назарбаев Зияткерлік мектебі', '711210000'),
      teacher('teacher:pavlodar:1', PAVLODAR_SCHOOL, '551010000'),
    ],
  },
  {
    // Full: six places taken, two on the waiting list.
    event: 'pavlodar-vasiliev-museum-lesson',
    confirmed: 6,
    participants: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => student(`student:pavlodar:${n}`, 5 + (n % 4), PAVLODAR_SCHOOL, '551010000')),
  },
];

/**
 * Inserts the demo registrations and results not yet present, then recounts the
 * touched events' counters from the rows, so reruns change nothing.
 */
export async function seedRegistrations(db: DataSource, logger: Logger): Promise<void> {
  const base = Date.UTC(2026, 8, 15, 6);
  const rows: EventRegistrationEntity[] = [];
  const results: EventResultEntity[] = [];
  DEMO_REGISTRATIONS.forEach((group, groupIndex) => {
    const eventId = eventDemoId(group.event);
    const confirmed = group.confirmed ?? group.participants.length;
    group.participants.forEach((p, index) => {
      kato().require(p.territory, `demo registration ${group.event}`);
      const registeredAt = new Date(base + groupIndex * 86_400_000 + index * 60_000);
      const isConfirmed = index < confirmed;
      rows.push({
        id: registrationDemoId(group.event, p.person),
        eventId,
        participantSubject: demoSubject(p.person),
        // Demo people have no names: nothing personal, even invented, in public demo data.
        participantName: null,
        participantKind: p.grade === undefined ? EventParticipantKind.TEACHER : EventParticipantKind.STUDENT,
        grade: p.grade ?? null,
        school: p.school,
        schoolTerritoryCode: p.territory,
        status: isConfirmed ? EventRegistrationStatus.CONFIRMED : EventRegistrationStatus.WAITING,
        registeredAt,
        confirmedAt: isConfirmed ? registeredAt : null,
        cancelledAt: null,
      });
    });
    for (const r of group.results ?? []) {
      results.push({ registrationId: registrationDemoId(group.event, group.participants[r.index].person), eventId, placing: r.placing ?? null, award: r.award ?? null });
    }
  });

  const existing = new Set(
    (await db.getRepository(EventRegistrationEntity).find({ select: { id: true }, where: { id: In(rows.map((r) => r.id)) } })).map((r) => r.id),
  );
  const fresh = rows.filter((r) => !existing.has(r.id));
  const existingResults = new Set(
    (await db.getRepository(EventResultEntity).find({ select: { registrationId: true }, where: { registrationId: In(results.map((r) => r.registrationId)) } })).map(
      (r) => r.registrationId,
    ),
  );
  const freshResults = results.filter((r) => !existingResults.has(r.registrationId));
  if (fresh.length || freshResults.length) {
    await db.transaction(async (manager) => {
      if (fresh.length) await manager.insert(EventRegistrationEntity, fresh);
      if (freshResults.length) await manager.insert(EventResultEntity, freshResults);
      const eventIds = [...new Set(fresh.map((r) => r.eventId))];
      await manager.query(
        `UPDATE event e SET
           confirmed_count = (SELECT count(*) FROM event_registration r WHERE r.event_id = e.id AND r.status = 'CONFIRMED'),
           waiting_count = (SELECT count(*) FROM event_registration r WHERE r.event_id = e.id AND r.status = 'WAITING')
         WHERE e.id = ANY($1)`,
        [eventIds],
      );
    });
  }
  logger.info({ inserted: fresh.length, results: freshResults.length }, 'demo registrations');
}
