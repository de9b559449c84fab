import { kato } from '@rz/schema';
import { type Logger } from '@rz/service-kit';
import { newId } from '@rz/subgraph-runtime';
import { In, type DataSource } from 'typeorm';
import { FaceStatusChangeEntity } from '../face/face-status-change.entity';
import { FaceSupportEntity } from '../face/face-support.entity';
import { FaceEntity } from '../face/face.entity';
import { FaceSphere, FaceStatus } from '../face/face.enums';
import { DEMO_AUTHOR, faceDemoId, mediaItemDemoId } from './media-plans.seed';

interface DemoFace {
  key: string;
  name: string;
  territoryCode: string;
  sphere: FaceSphere;
  story: { kk?: string; ru?: string; en?: string };
  nominatedBy: string;
  /** Nomination day; it breaks ties in the shortlist. */
  nominatedOn: string;
  status: FaceStatus;
  declineReason?: string;
  /** For FEATURED: the published demo item that covers the face. */
  featuredBy?: { plan: string; index: number; on: string };
  /** How many demo residents support the nomination. */
  supports?: number;
}

const { NOMINATED, SHORTLISTED, SELECTED, FEATURED, DECLINED } = FaceStatus;

// People significant to their district, not the ones always on screen (seed 003, "100 new faces"). All fictional.
export const DEMO_FACES: DemoFace[] = [
  {
    key: 'turkistan-restorer',
    name: 'Нұрлан Әбдіқадыров',
    territoryCode: '611000000',
    sphere: FaceSphere.CULTURE,
    story: {
      kk: 'Қожа Ахмет Ясауи кесенесінің қалпына келтіру жұмыстарына жиырма жыл қатысқан шебер. Қала жастарына кірпіш күйдіру мен ою-өрнек өнерін тегін үйретеді.',
      ru: 'Мастер, двадцать лет участвующий в реставрации мавзолея Ходжи Ахмеда Ясауи. Бесплатно учит молодёжь города обжигу кирпича и орнаменту.',
      en: 'A craftsman who has worked on the restoration of the Khoja Ahmed Yasawi mausoleum for twenty years and teaches young people brick firing and ornament for free.',
    },
    nominatedBy: 'Түркістан қаласының тұрғындарымен кездесу',
    nominatedOn: '2026-03-12',
    status: FEATURED,
    featuredBy: { plan: 'turkistan-city-2026-q3', index: 1, on: '2026-08-12' },
    supports: 4,
  },
  {
    key: 'turkistan-teacher',
    name: 'Гүлнар Сейітова',
    territoryCode: '613600000',
    sphere: FaceSphere.EDUCATION,
    story: {
      kk: 'Бәйдібек ауданындағы ауыл мектебінде өлкетану үйірмесін ашып, оқушылармен бірге 40 ауыл тарихын жинады.',
      ru: 'Открыла краеведческий кружок в сельской школе Байдибекского района и вместе с учениками собрала историю 40 сёл.',
    },
    nominatedBy: 'Бәйдібек ауданы әкімдігі',
    nominatedOn: '2026-03-20',
    status: SELECTED,
    supports: 6,
  },
  {
    key: 'turkistan-farmer',
    name: 'Бақытжан Оразов',
    territoryCode: '614800000',
    sphere: FaceSphere.BUSINESS,
    story: {
      kk: 'Отырар ауданында тамшылатып суаруды енгізген алғашқы фермер; көршілеріне тәжірибесін тегін көрсетеді.',
      ru: 'Первый фермер Отрарского района, внедривший капельное орошение; бесплатно показывает соседям, как это работает.',
    },
    nominatedBy: '«Отырар» кәсіпкерлер палатасының филиалы',
    nominatedOn: '2026-04-02',
    status: SHORTLISTED,
    supports: 3,
  },
  {
    key: 'turkistan-volunteer',
    name: 'Айдана Құрманова',
    territoryCode: '615500000',
    sphere: FaceSphere.VOLUNTEERING,
    story: { kk: 'Сауран ауданында жалғыз тұратын қарттарға азық-түлік жеткізетін жастар тобын құрды.' },
    nominatedBy: '«Сауран жастары» қоғамдық бірлестігі',
    nominatedOn: '2026-04-15',
    status: NOMINATED,
    supports: 1,
  },
  {
    key: 'shymkent-champion',
    name: 'Дәурен Мұсаев',
    territoryCode: '791310000',
    sphere: FaceSphere.SPORT,
    story: {
      kk: 'Әлем чемпионы, Шымкенттегі балалар спорт мектебінің түлегі.',
      ru: 'Чемпион мира, выпускник детской спортивной школы Шымкента.',
    },
    nominatedBy: 'Шымкент қаласы спорт басқармасы',
    nominatedOn: '2026-05-05',
    // Covered by four published items in the last months: flagged "already in the media".
    status: NOMINATED,
    supports: 9,
  },
  {
    key: 'shymkent-doctor',
    name: 'Сәуле Жұмабаева',
    territoryCode: '791510000',
    sphere: FaceSphere.MEDICINE,
    story: {
      kk: 'Еңбекші ауданындағы емхананың дәрігері; демалыс күндері шалғай ауылдарда тегін қабылдау өткізеді.',
      ru: 'Врач поликлиники Енбекшинского района; по выходным бесплатно принимает пациентов в отдалённых посёлках.',
    },
    nominatedBy: 'Еңбекші ауданы тұрғындарымен кездесу',
    nominatedOn: '2026-05-06',
    status: FEATURED,
    featuredBy: { plan: 'shymkent-2026-q3', index: 4, on: '2026-09-18' },
    supports: 7,
  },
  {
    key: 'shymkent-engineer',
    name: 'Ерлан Тұрсынов',
    territoryCode: '791110000',
    sphere: FaceSphere.SCIENCE,
    story: { ru: 'Инженер, разработавший для района систему учёта воды.' },
    nominatedBy: 'Абай ауданы әкімдігі',
    nominatedOn: '2026-05-12',
    status: DECLINED,
    declineReason: 'Кандидат жобаға қатысудан бас тартты',
  },
  {
    key: 'almaty-librarian',
    name: 'Сәлима Қасымова',
    territoryCode: '751710000',
    sphere: FaceSphere.CULTURE,
    story: {
      kk: 'Медеу ауданындағы кітапханада балаларға арналған оқу клубын жүргізеді; клубқа екі жылда 300 бала келді.',
      ru: 'Ведёт детский читательский клуб в библиотеке Медеуского района; за два года в клуб пришли 300 детей.',
    },
    nominatedBy: 'Медеу ауданы тұрғындарымен кездесу',
    nominatedOn: '2026-06-01',
    status: SHORTLISTED,
    supports: 5,
  },
  {
    key: 'almaty-coach',
    name: 'Асқар Ибраев',
    territoryCode: '751310000',
    sphere: FaceSphere.SPORT,
    story: { kk: 'Әуезов ауданының аулаларында балаларға тегін футбол жаттығуларын өткізеді.' },
    nominatedBy: '«Әуезов аулалары» қоғамдық бірлестігі',
    nominatedOn: '2026-06-03',
    status: NOMINATED,
    supports: 5,
  },
  {
    key: 'almaty-nurse',
    name: 'Мәдина Оспанова',
    territoryCode: '751210000',
    sphere: FaceSphere.MEDICINE,
    story: {
      ru: 'Медсестра, организовавшая в Алатауском районе школу ухода за лежачими больными для родственников.',
      en: 'A nurse who set up a school in Alatau district teaching families to care for bedridden relatives.',
    },
    nominatedBy: 'Алатау ауданы әкімдігі',
    nominatedOn: '2026-06-10',
    status: SELECTED,
    supports: 2,
  },
  {
    key: 'almaty-entrepreneur',
    name: 'Тимур Бекенов',
    territoryCode: '751110000',
    sphere: FaceSphere.BUSINESS,
    story: { ru: 'Владелец сети кофеен.' },
    nominatedBy: 'Алмалы ауданы кәсіпкерлер кеңесі',
    nominatedOn: '2026-06-12',
    status: DECLINED,
    declineReason: 'Тұрақты түрде БАҚ-та жүр: жоба жаңа есімдерді іздейді',
  },
  {
    key: 'zhambyl-beekeeper',
    name: 'Серік Әлімқұлов',
    territoryCode: '315400000',
    sphere: FaceSphere.BUSINESS,
    story: { kk: 'Мерке ауданында ара шаруашылығын жаңғыртып, 12 отбасын жұмыспен қамтыды.' },
    nominatedBy: 'Мерке ауданы тұрғындарымен кездесу',
    nominatedOn: '2026-07-01',
    status: NOMINATED,
    supports: 2,
  },
  {
    key: 'zhambyl-civil-servant',
    name: 'Әсел Нұрбекова',
    territoryCode: '316600000',
    sphere: FaceSphere.PUBLIC_SERVICE,
    story: {
      kk: 'Шу ауданының ХҚКО қызметкері; мүгедектігі бар азаматтарға қызметті үйге барып көрсетуді ұйымдастырды.',
      ru: 'Сотрудница ЦОН Шуского района; организовала выездное обслуживание людей с инвалидностью на дому.',
    },
    nominatedBy: 'Шу ауданы әкімдігі',
    nominatedOn: '2026-07-03',
    status: SHORTLISTED,
  },
  {
    key: 'zhambyl-scientist',
    name: 'Марат Жақыпов',
    territoryCode: '311000000',
    sphere: FaceSphere.SCIENCE,
    story: {
      kk: 'Тараздағы университеттің ғалымы; Талас өзені алқабының суармалы жерлерін зерттейді.',
      ru: 'Учёный университета в Таразе; изучает орошаемые земли долины реки Талас.',
      en: 'A university scientist in Taraz who studies the irrigated lands of the Talas valley.',
    },
    nominatedBy: '«Тараз» ғылыми қоғамы',
    nominatedOn: '2026-07-08',
    status: SELECTED,
    supports: 1,
  },
];

/** The steps a demo face went through to reach its status. */
function path(status: FaceStatus): FaceStatus[] {
  if (status === DECLINED) return [NOMINATED, DECLINED];
  const order = [NOMINATED, SHORTLISTED, SELECTED, FEATURED];
  return order.slice(0, order.indexOf(status) + 1);
}

/**
 * Adds the demo faces whose ids are not there yet, with their supports and history.
 * Runs after the media plans: a FEATURED face points at the published item that featured it.
 */
export async function seedFaces(db: DataSource, logger: Logger): Promise<void> {
  const ids = DEMO_FACES.map((f) => faceDemoId(f.key));
  const existing = new Set((await db.getRepository(FaceEntity).find({ select: { id: true }, where: { id: In(ids) } })).map((f) => f.id));
  const fresh = DEMO_FACES.filter((f) => !existing.has(faceDemoId(f.key)));
  await db.transaction(async (tx) => {
    for (const face of fresh) {
      const id = faceDemoId(face.key);
      const nominatedAt = new Date(`${face.nominatedOn}T11:00:00+05:00`);
      const featuredItemId = face.featuredBy ? mediaItemDemoId(face.featuredBy.plan, face.featuredBy.index) : null;
      const featuredAt = face.featuredBy ? new Date(`${face.featuredBy.on}T12:00:00+05:00`) : null;
      const steps = path(face.status);
      await tx.getRepository(FaceEntity).insert({
        id,
        name: face.name,
        territoryCode: face.territoryCode,
        regionCode: kato().region(face.territoryCode).code,
        sphere: face.sphere,
        storyKk: face.story.kk ?? null,
        storyRu: face.story.ru ?? null,
        storyEn: face.story.en ?? null,
        nominatedBy: face.nominatedBy,
        nominatorSubject: DEMO_AUTHOR,
        status: face.status,
        declineReason: face.declineReason ?? null,
        featuredAt,
        featuredItemId,
        nominatedAt,
        statusChangedAt: featuredAt ?? new Date(nominatedAt.getTime() + (steps.length - 1) * 86_400_000),
      });
      await tx.getRepository(FaceStatusChangeEntity).insert(
        steps.map((to, index) => ({
          id: newId(),
          faceId: id,
          fromStatus: index ? steps[index - 1] : null,
          toStatus: to,
          reason: to === DECLINED ? face.declineReason! : null,
          changedBy: DEMO_AUTHOR,
          mediaItemId: to === FEATURED ? featuredItemId : null,
          changedAt: to === FEATURED ? featuredAt! : new Date(nominatedAt.getTime() + index * 86_400_000),
        })),
      );
      if (face.supports) {
        await tx
          .getRepository(FaceSupportEntity)
          .insert(Array.from({ length: face.supports }, (_, n) => ({ faceId: id, subject: `demo-resident-${n + 1}` })));
      }
    }
  });
  logger.info({ added: fresh.length, skipped: existing.size }, 'face demo data');
}
