import { kato, Lang } from '@rz/schema';
import { type Logger } from '@rz/service-kit';
import { stableId } from '@rz/subgraph-runtime';
import { In, type DataSource } from 'typeorm';
import { LocalHistoryMaterialMonumentEntity } from '../material/material-monument.entity';
import { LocalHistoryMaterialEntity } from '../material/material.entity';
import { LocalHistoryMaterialKind } from '../material/material.enums';
import { monumentDemoId } from './events.seed';

export function materialDemoId(key: string): string {
  return stableId(`local-history-material:${key}`);
}

export interface DemoMaterial {
  key: string;
  kind: LocalHistoryMaterialKind;
  title: string;
  language: Lang;
  authors: string[];
  description?: string;
  territory: string;
  publishedOn?: string;
  url?: string;
  fileRef?: string;
  /** Reference monument site ids (KZH...). */
  monuments?: string[];
}

export const DEMO_MATERIALS: readonly DemoMaterial[] = [
  {
    key: 'turkistan-yasawi-book',
    kind: LocalHistoryMaterialKind.BOOK,
    title: 'Әзірет Сұлтан: мектеп оқушыларына арналған өлкетану кітабы',
    language: Lang.KK,
    authors: ['«Әзірет Сұлтан» қорық-музейінің ғылыми қызметкерлері'],
    description: 'Кесененің тарихы, құрылысы және Түркістан қаласының көне орындары туралы оқу құралы.',
    territory: '610000000',
    publishedOn: '2025-09-01',
    fileRef: 'tarbie-bilim/materials/turkistan-yasawi-book.pdf',
    monuments: ['KZH001', 'KZH029'],
  },
  {
    key: 'otrar-article',
    kind: LocalHistoryMaterialKind.ARTICLE,
    title: 'Городище Отрар: что нашли школьные экспедиции',
    language: Lang.RU,
    authors: ['Краеведческий кружок Шаульдерской школы № 1'],
    territory: '614800000',
    publishedOn: '2026-03-15',
    url: 'https://example.org/tarbie-bilim/otrar-school-expeditions',
    monuments: ['KZH030', 'KZH021'],
  },
  {
    key: 'almaty-graduates-stand',
    kind: LocalHistoryMaterialKind.SCHOOL_STAND,
    title: 'Мектебіміздің даңқты түлектері',
    language: Lang.KK,
    authors: ['№ 12 гимназия'],
    description: 'Гимназия тарихы мен түлектері туралы стенд; мектеп тарихы сабақтарында қолданылады.',
    territory: '751710000',
    publishedOn: '2026-05-07',
    fileRef: 'tarbie-bilim/materials/almaty-graduates-stand.jpg',
  },
  {
    key: 'aisha-bibi-video',
    kind: LocalHistoryMaterialKind.VIDEO,
    title: 'Мавзолеи Айша-биби и Бабаджи-хатун: видеоэкскурсия',
    language: Lang.RU,
    authors: ['Управление образования Жамбылской области'],
    territory: '314000000',
    publishedOn: '2026-04-20',
    url: 'https://example.org/tarbie-bilim/aisha-bibi-video',
    monuments: ['KZH064', 'KZH065'],
  },
  {
    key: 'sairam-archive-document',
    kind: LocalHistoryMaterialKind.ARCHIVE_DOCUMENT,
    title: 'Описание памятников Сайрама (оцифрованная архивная опись)',
    language: Lang.RU,
    authors: [],
    description: 'Оцифрованная опись памятников Сайрама из фондов городского архива, подготовленная для уроков краеведения.',
    territory: '790000000',
    fileRef: 'tarbie-bilim/materials/sairam-archive-document.pdf',
    monuments: ['KZH048', 'KZH047', 'KZH042'],
  },
  {
    key: 'bozok-museum-exhibit',
    kind: LocalHistoryMaterialKind.MUSEUM_EXHIBIT,
    title: 'Бозоқ қалашығынан табылған қыш құмыра (мектеп мұражайы)',
    language: Lang.KK,
    authors: ['Есіл ауданының № 47 мектеп-лицейі'],
    territory: '711210000',
    publishedOn: '2026-09-10',
    fileRef: 'tarbie-bilim/materials/bozok-museum-exhibit.jpg',
    monuments: ['KZH054'],
  },
  {
    key: 'tamgaly-guide',
    kind: LocalHistoryMaterialKind.BOOK,
    title: 'Tamgaly petroglyphs: a guide for young local historians',
    language: Lang.EN,
    authors: ['Almaty Region Department of Education'],
    territory: '190000000',
    publishedOn: '2024-11-01',
    fileRef: 'tarbie-bilim/materials/tamgaly-guide.pdf',
    monuments: ['KZH002'],
  },
  {
    key: 'pavlodar-vasiliev-article',
    kind: LocalHistoryMaterialKind.ARTICLE,
    title: 'Дом Павла Васильева: страницы истории Павлодара',
    language: Lang.RU,
    authors: ['Школьный музей СОШ № 9 г. Павлодара'],
    territory: '551010000',
    publishedOn: '2026-10-02',
    url: 'https://example.org/tarbie-bilim/pavlodar-vasiliev-house',
    monuments: ['KZH041', 'KZH040'],
  },
];

/** Inserts the demo materials not yet present; reruns change nothing. */
export async function seedMaterials(db: DataSource, logger: Logger): Promise<void> {
  for (const m of DEMO_MATERIALS) kato().require(m.territory, `demo material ${m.key}`);
  const ids = DEMO_MATERIALS.map((m) => materialDemoId(m.key));
  const existing = new Set((await db.getRepository(LocalHistoryMaterialEntity).find({ select: { id: true }, where: { id: In(ids) } })).map((m) => m.id));
  const fresh = DEMO_MATERIALS.filter((m) => !existing.has(materialDemoId(m.key)));
  if (fresh.length) {
    await db.transaction(async (manager) => {
      await manager.insert(
        LocalHistoryMaterialEntity,
        fresh.map((m) => ({
          id: materialDemoId(m.key),
          kind: m.kind,
          title: m.title,
          language: m.language,
          authors: m.authors,
          description: m.description ?? null,
          territoryCode: m.territory,
          publishedOn: m.publishedOn ?? null,
          url: m.url ?? null,
          fileRef: m.fileRef ?? null,
        })),
      );
      const links = fresh.flatMap((m) =>
        (m.monuments ?? []).map((siteId, position) => ({ materialId: materialDemoId(m.key), monumentId: monumentDemoId(siteId), position })),
      );
      if (links.length) await manager.insert(LocalHistoryMaterialMonumentEntity, links);
    });
  }
  logger.info({ inserted: fresh.length, present: existing.size }, 'demo local history materials');
}
