import { kato } from '@rz/schema';
import { type Logger } from '@rz/service-kit';
import { stableId } from '@rz/subgraph-runtime';
import { In, type DataSource } from 'typeorm';
import { LocalHistoryClubMembersEntity } from '../club/club-members.entity';
import { LocalHistoryClubEntity } from '../club/club.entity';

export function clubDemoId(key: string): string {
  return stableId(`local-history-club:${key}`);
}

export interface DemoClub {
  key: string;
  name: string;
  school: string;
  territory: string;
  leader: string;
  foundedYear?: number;
  /** Members by school year (the year it starts in). */
  members: Record<number, number>;
}

// Leaders are invented names: the demo holds no real people.
export const DEMO_CLUBS: readonly DemoClub[] = [
  {
    key: 'turkistan-yasawi-heirs',
    name: '«Ясауи мұрагерлері» өлкетану үйірмесі',
    school: '№ 3 Ы. Алтынсарин атындағы мектеп-гимназия',
    territory: '611010000',
    leader: 'Гүлнар Әбдіхалықова',
    foundedYear: 2017,
    members: { 2024: 18, 2025: 22, 2026: 25 },
  },
  {
    key: 'otrar-young-archaeologists',
    name: '«Жас археолог» үйірмесі',
    school: 'Шәуілдір ауылының № 1 мектебі',
    territory: '614800000',
    leader: 'Ерлан Жолдасов',
    foundedYear: 2019,
    members: { 2025: 12, 2026: 14 },
  },
  {
    key: 'almaty-medeu-historians',
    name: 'Кружок юных краеведов «Верный – Алматы»',
    school: '№ 12 гимназия',
    territory: '751710000',
    leader: 'Наталья Ким',
    foundedYear: 2015,
    members: { 2024: 20, 2025: 24, 2026: 21 },
  },
  {
    key: 'almaty-almaly-museum',
    name: '«Мектеп мұражайы» клубы',
    school: '№ 165 лицей',
    territory: '751110000',
    leader: 'Әсел Нұрланқызы',
    members: { 2025: 15, 2026: 17 },
  },
  {
    key: 'shymkent-sairam-circle',
    name: '«Испиджаб» тарихи-өлкетану үйірмесі',
    school: '№ 62 жалпы орта мектеп',
    territory: '791110000',
    leader: 'Бахтияр Юсупов',
    foundedYear: 2018,
    members: { 2025: 16, 2026: 19 },
  },
  {
    key: 'zhambyl-aisha-bibi-circle',
    name: '«Айша бибі» өлкетану үйірмесі',
    school: 'Аса ауылының № 5 мектебі',
    territory: '314030000',
    leader: 'Жанар Тұрсынова',
    members: { 2025: 10, 2026: 11 },
  },
  {
    key: 'pavlodar-irtysh-chronicle',
    name: 'Краеведческий кружок «Летопись Прииртышья»',
    school: '№ 9 жалпы орта білім беретін мектеп',
    territory: '551010000',
    leader: 'Ольга Петренко',
    foundedYear: 2012,
    // Paused in 2026-2027: no members recorded yet.
    members: { 2024: 14, 2025: 9 },
  },
  {
    key: 'astana-bozok-club',
    name: '«Бозоқ» жас тарихшылар клубы',
    school: 'Есіл ауданының № 47 мектеп-лицейі',
    territory: '711210000',
    leader: 'Дәурен Мұхамедиев',
    foundedYear: 2021,
    members: { 2025: 20, 2026: 26 },
  },
];

/** Inserts the demo clubs and member counts not yet present; reruns change nothing. */
export async function seedClubs(db: DataSource, logger: Logger): Promise<void> {
  for (const c of DEMO_CLUBS) kato().require(c.territory, `demo club ${c.key}`);
  const ids = DEMO_CLUBS.map((c) => clubDemoId(c.key));
  const existing = new Set((await db.getRepository(LocalHistoryClubEntity).find({ select: { id: true }, where: { id: In(ids) } })).map((c) => c.id));
  const fresh = DEMO_CLUBS.filter((c) => !existing.has(clubDemoId(c.key)));
  if (fresh.length) {
    await db.transaction(async (manager) => {
      await manager.insert(
        LocalHistoryClubEntity,
        fresh.map((c) => ({
          id: clubDemoId(c.key),
          name: c.name,
          school: c.school,
          territoryCode: c.territory,
          leader: c.leader,
          foundedYear: c.foundedYear ?? null,
        })),
      );
      const members = fresh.flatMap((c) =>
        Object.entries(c.members).map(([year, count]) => ({ clubId: clubDemoId(c.key), schoolYear: Number(year), members: count })),
      );
      if (members.length) await manager.insert(LocalHistoryClubMembersEntity, members);
    });
  }
  logger.info({ inserted: fresh.length, present: existing.size }, 'demo local history clubs');
}
