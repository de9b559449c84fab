import { kato } from '@rz/schema';
import { type Logger } from '@rz/service-kit';
import { stableId } from '@rz/subgraph-runtime';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { addDays, kzDay, kzDayStart, monthStart } from '../shared/kz-time';
import { PersonInNeedEntity } from '../volunteers/person-in-need/person-in-need.entity';
import { PersonInNeedStatus } from '../volunteers/person-in-need/person-in-need.type';
import { VolunteerHelpRecordEntity } from '../volunteers/volunteer-help/volunteer-help.entity';
import { VolunteerHelpDecider, VolunteerHelpStatus } from '../volunteers/volunteer-help/volunteer-help.type';
import { VolunteerReviewEntity } from '../volunteers/volunteer-review/volunteer-review.entity';
import { VolunteerEntity } from '../volunteers/volunteer/volunteer.entity';
import { VolunteerHelpKind as K, VolunteerWeekday as D } from '../volunteers/volunteer/volunteer.enums';
import { ZhomartAwardEntity } from '../volunteers/zhomart/zhomart-award.entity';
import { ZhomartNomination, ZhomartPeriodKind } from '../volunteers/zhomart/zhomart.enums';
import { periodContaining } from '../volunteers/zhomart/zhomart-period';
import { rankRows, scopeCodes } from '../volunteers/zhomart/zhomart-ranking.service';
import { demoOfficerSubject } from './akimat-officers.seed';
import { initiativeDemoId } from './initiatives.seed';

export const volunteerDemoId = (key: string) => stableId(`volunteer:${key}`);

interface DemoVolunteer {
  key: string;
  kinds: K[];
  days: D[];
  hours: [string, string];
  territory: string;
  car: boolean;
  /** Fictional contacts: released only under audit. */
  name: string;
  phone: string;
}

export const DEMO_VOLUNTEERS: readonly DemoVolunteer[] = [
  { key: 'almaty-driver', kinds: [K.TRANSPORT, K.PHYSICAL_HELP], days: [D.SAT, D.SUN], hours: ['09:00', '18:00'], territory: '751710000', car: true, name: 'Ерлан Д.', phone: '+7 700 100 00 01' },
  { key: 'almaty-tutor', kinds: [K.TEACHING, K.CONSULTING], days: [D.TUE, D.THU], hours: ['17:00', '20:00'], territory: '751410000', car: false, name: 'Мадина К.', phone: '+7 700 100 00 02' },
  { key: 'almaty-helper', kinds: [K.PHYSICAL_HELP], days: [D.SAT], hours: ['10:00', '14:00'], territory: '751210000', car: false, name: 'Тимур А.', phone: '+7 700 100 00 03' },
  { key: 'shymkent-cleaner', kinds: [K.PHYSICAL_HELP, K.OTHER], days: [D.SAT, D.SUN], hours: ['08:00', '12:00'], territory: '791510000', car: false, name: 'Айдана С.', phone: '+7 700 100 00 04' },
  { key: 'shymkent-lawyer', kinds: [K.CONSULTING], days: [D.MON, D.WED, D.FRI], hours: ['18:00', '21:00'], territory: '791310000', car: true, name: 'Нурсултан Б.', phone: '+7 700 100 00 05' },
  { key: 'astana-driver', kinds: [K.TRANSPORT], days: [D.FRI, D.SAT], hours: ['12:00', '19:00'], territory: '711210000', car: true, name: 'Асель Ж.', phone: '+7 700 100 00 06' },
  { key: 'turkistan-teacher', kinds: [K.TEACHING], days: [D.SAT], hours: ['10:00', '13:00'], territory: '611010000', car: false, name: 'Гүлнұр Т.', phone: '+7 700 100 00 07' },
];

const DEMO_PEOPLE_IN_NEED = [
  { key: 'almaty-grandmother', territory: '751710000', needs: [K.PHYSICAL_HELP, K.TRANSPORT], name: 'Раиса П.', phone: '+7 700 200 00 01', address: 'Медеуский район', self: true },
  { key: 'shymkent-family', territory: '791510000', needs: [K.PHYSICAL_HELP], name: 'Семья Н.', phone: '+7 700 200 00 02', address: 'Енбекшинский район', self: false },
  { key: 'astana-veteran', territory: '711210000', needs: [K.TRANSPORT, K.CONSULTING], name: 'Болат Е.', phone: '+7 700 200 00 03', address: 'район Есиль', self: false, closed: true },
];

/**
 * Help given this month and last month, counted from the day of seeding, so the
 * "this month" rankings have something to show on a fresh start.
 */
interface DemoHelp {
  volunteer: string;
  /** 0: this month, 1: last month. */
  monthsAgo: 0 | 1;
  day: number;
  people: number;
  kind: K;
  status: VolunteerHelpStatus;
  initiative?: string;
  personInNeed?: string;
}

const S = VolunteerHelpStatus;
export const DEMO_HELP: readonly DemoHelp[] = [
  { volunteer: 'almaty-driver', monthsAgo: 0, day: 1, people: 6, kind: K.TRANSPORT, status: S.CONFIRMED, personInNeed: 'almaty-grandmother' },
  { volunteer: 'almaty-helper', monthsAgo: 0, day: 1, people: 4, kind: K.PHYSICAL_HELP, status: S.CONFIRMED, initiative: 'almaty-park-medeu' },
  { volunteer: 'almaty-tutor', monthsAgo: 0, day: 1, people: 12, kind: K.TEACHING, status: S.PENDING },
  { volunteer: 'almaty-driver', monthsAgo: 1, day: 5, people: 3, kind: K.TRANSPORT, status: S.CONFIRMED },
  { volunteer: 'almaty-tutor', monthsAgo: 1, day: 12, people: 9, kind: K.TEACHING, status: S.CONFIRMED },
  { volunteer: 'almaty-helper', monthsAgo: 1, day: 20, people: 30, kind: K.PHYSICAL_HELP, status: S.REJECTED },
  { volunteer: 'shymkent-cleaner', monthsAgo: 0, day: 1, people: 15, kind: K.PHYSICAL_HELP, status: S.CONFIRMED },
  { volunteer: 'shymkent-lawyer', monthsAgo: 1, day: 8, people: 5, kind: K.CONSULTING, status: S.CONFIRMED, personInNeed: 'shymkent-family' },
  { volunteer: 'astana-driver', monthsAgo: 0, day: 1, people: 2, kind: K.TRANSPORT, status: S.CONFIRMED, personInNeed: 'astana-veteran' },
  { volunteer: 'turkistan-teacher', monthsAgo: 1, day: 15, people: 20, kind: K.TEACHING, status: S.PENDING },
];

const DEMO_REVIEWS: readonly { volunteer: string; positive: boolean; text: string; monthsAgo: 0 | 1 }[] = [
  { volunteer: 'almaty-driver', positive: true, text: 'Отвёз маму в поликлинику и обратно, очень внимательный.', monthsAgo: 0 },
  { volunteer: 'almaty-driver', positive: true, text: 'Рахмет за помощь с переездом!', monthsAgo: 1 },
  { volunteer: 'almaty-tutor', positive: true, text: 'Сын подтянул математику за месяц.', monthsAgo: 1 },
  { volunteer: 'almaty-helper', positive: false, text: 'Не пришёл в назначенное время.', monthsAgo: 1 },
  { volunteer: 'shymkent-cleaner', positive: true, text: 'Арықтарды тазалауға көп көмектесті.', monthsAgo: 0 },
];

/** A day in the month `monthsAgo` months before `today`, never after today. */
function dayIn(today: string, monthsAgo: 0 | 1, day: number): string {
  const first = monthsAgo === 0 ? monthStart(today) : monthStart(addDays(monthStart(today), -1));
  const wanted = addDays(first, day - 1);
  return wanted > today ? today : wanted;
}

/** Last month's Almaty ranking decides the demo award, exactly as the committee would see it. */
async function demoAwards(manager: EntityManager, today: string): Promise<ZhomartAwardEntity[]> {
  const lastMonth = periodContaining(ZhomartPeriodKind.MONTH, addDays(monthStart(today), -1));
  const [top] = await rankRows(manager, ZhomartNomination.MOST_ACTIVE_VOLUNTEER, scopeCodes('750000000', 'territory'), lastMonth, 1, 'nomination');
  const base = { confirmedBySubject: 'demo-project-office-750000000', confirmedByRole: 'PROJECT_OFFICE' as const, confirmedAt: kzDayStart(monthStart(today)) };
  const none = { volunteerId: null, patronPledgeId: null, patronSubject: null, patronOrganisation: null, nomineeName: null, rank: null, score: null };
  const awards: ZhomartAwardEntity[] = [
    Object.assign(new ZhomartAwardEntity(), {
      ...none,
      ...base,
      id: stableId('zhomart-award:best-ngo-shymkent-2025'),
      nomination: ZhomartNomination.BEST_NGO,
      scopeCode: '790000000',
      periodKind: ZhomartPeriodKind.YEAR,
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      nomineeName: 'ҚБ «Таза Шымкент»',
      citation: 'Арықтар мен көгалдарды тазалау сенбіліктерін ұйымдастырғаны үшін.',
    }),
  ];
  if (top) {
    awards.push(
      Object.assign(new ZhomartAwardEntity(), {
        ...none,
        ...base,
        id: stableId(`zhomart-award:most-active-almaty-${lastMonth.start}`),
        nomination: ZhomartNomination.MOST_ACTIVE_VOLUNTEER,
        scopeCode: '750000000',
        periodKind: ZhomartPeriodKind.MONTH,
        periodStart: lastMonth.start,
        periodEnd: lastMonth.end,
        volunteerId: top.candidate,
        rank: top.rank,
        score: top.score,
        citation: 'Самый активный волонтёр Алматы за месяц.',
      }),
    );
  }
  return awards;
}

/** Inserts the demo volunteer corps that is not there yet; reruns change nothing. */
export async function seedVolunteers(db: DataSource, logger: Logger): Promise<void> {
  const today = kzDay();
  const volunteers = DEMO_VOLUNTEERS.map((v, index) =>
    Object.assign(new VolunteerEntity(), {
      id: volunteerDemoId(v.key),
      subject: `demo-volunteer-${v.key}`,
      helpKinds: v.kinds,
      availableDays: v.days,
      availableFrom: v.hours[0],
      availableTo: v.hours[1],
      territoryCode: kato().require(v.territory).code,
      hasCar: v.car,
      contactName: v.name,
      contactPhone: v.phone,
      contactEmail: null,
      createdAt: new Date(Date.UTC(2026, 0, 10 + index, 5)),
    }),
  );
  const people = DEMO_PEOPLE_IN_NEED.map((p) =>
    Object.assign(new PersonInNeedEntity(), {
      id: stableId(`person-in-need:${p.key}`),
      territoryCode: kato().require(p.territory).code,
      needs: p.needs,
      status: p.closed ? PersonInNeedStatus.CLOSED : PersonInNeedStatus.OPEN,
      subject: p.self ? `demo-citizen-in-need-${p.key}` : null,
      registeredBySubject: p.self ? `demo-citizen-in-need-${p.key}` : demoOfficerSubject(kato().region(p.territory).code),
      contactName: p.name,
      contactPhone: p.phone,
      address: p.address,
      note: null,
    }),
  );
  const help = DEMO_HELP.map((h, index) => {
    const volunteer = DEMO_VOLUNTEERS.find((v) => v.key === h.volunteer)!;
    const helpedOn = dayIn(today, h.monthsAgo, h.day);
    const decided = h.status !== S.PENDING;
    const person = h.personInNeed ? DEMO_PEOPLE_IN_NEED.find((p) => p.key === h.personInNeed)! : null;
    const byPerson = decided && person?.self;
    return Object.assign(new VolunteerHelpRecordEntity(), {
      id: stableId(`volunteer-help:${index}`),
      volunteerId: volunteerDemoId(h.volunteer),
      helpedOn,
      peopleHelped: h.people,
      territoryCode: volunteer.territory,
      initiativeId: h.initiative ? initiativeDemoId(h.initiative) : null,
      personInNeedId: person ? stableId(`person-in-need:${person.key}`) : null,
      helpKind: h.kind,
      status: h.status,
      decidedByRole: decided ? (byPerson ? VolunteerHelpDecider.HELPED_PERSON : VolunteerHelpDecider.AKIMAT_OFFICER) : null,
      decidedBySubject: decided ? (byPerson ? `demo-citizen-in-need-${person!.key}` : demoOfficerSubject(kato().region(volunteer.territory).code)) : null,
      decidedAt: decided ? kzDayStart(addDays(helpedOn, 0)) : null,
      decisionNote: h.status === S.REJECTED ? 'Мероприятие в этот день не проводилось.' : null,
      createdAt: kzDayStart(helpedOn),
    });
  });
  const reviews = DEMO_REVIEWS.map((r, index) =>
    Object.assign(new VolunteerReviewEntity(), {
      id: stableId(`volunteer-review:${index}`),
      volunteerId: volunteerDemoId(r.volunteer),
      authorSubject: `demo-reviewer-${index}`,
      positive: r.positive,
      text: r.text,
      createdAt: kzDayStart(dayIn(today, r.monthsAgo, 1)),
    }),
  );

  const existing = new Set(
    (await db.getRepository(VolunteerEntity).find({ select: { id: true }, where: { id: In(volunteers.map((v) => v.id)) } })).map((v) => v.id),
  );
  if (existing.size === volunteers.length) {
    logger.info({ inserted: 0, skipped: existing.size }, 'demo volunteers');
    return;
  }
  await db.transaction(async (manager) => {
    const missing = <T extends { id: string }>(rows: T[], ids: Set<string>) => rows.filter((r) => !ids.has(r.id));
    const have = async (entity: typeof PersonInNeedEntity | typeof VolunteerHelpRecordEntity | typeof VolunteerReviewEntity, ids: string[]) =>
      new Set((await manager.getRepository(entity).find({ select: { id: true }, where: { id: In(ids) } })).map((r) => r.id));
    await manager.insert(VolunteerEntity, missing(volunteers, existing));
    const freshPeople = missing(people, await have(PersonInNeedEntity, people.map((p) => p.id)));
    if (freshPeople.length) await manager.insert(PersonInNeedEntity, freshPeople);
    const freshHelp = missing(help, await have(VolunteerHelpRecordEntity, help.map((h) => h.id)));
    if (freshHelp.length) await manager.insert(VolunteerHelpRecordEntity, freshHelp);
    const freshReviews = missing(reviews, await have(VolunteerReviewEntity, reviews.map((r) => r.id)));
    if (freshReviews.length) await manager.insert(VolunteerReviewEntity, freshReviews);
    await manager.query(
      `INSERT INTO initiative_volunteer (initiative_id, volunteer_id)
       SELECT $1, unnest($2::uuid[]) WHERE EXISTS (SELECT 1 FROM initiative WHERE id = $1) ON CONFLICT DO NOTHING`,
      [initiativeDemoId('shymkent-sairam-cleanup'), [volunteerDemoId('shymkent-cleaner'), volunteerDemoId('shymkent-lawyer')]],
    );
    await manager.createQueryBuilder().insert().into(ZhomartAwardEntity).values(await demoAwards(manager, today)).orIgnore().execute();
  });
  logger.info({ inserted: volunteers.length - existing.size, skipped: existing.size }, 'demo volunteers');
}
