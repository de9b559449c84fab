import { kato } from '@rz/schema';
import type { Logger } from '@rz/service-kit';
import { stableId } from '@rz/subgraph-runtime';
import { In, type DataSource } from 'typeorm';
import { ProjectBudgetEntity } from '../project/project-budget.entity';
import { ProjectLinkEntity } from '../project/project-link.entity';
import { ProjectMemberEntity } from '../project/project-member.entity';
import { ProjectEntity } from '../project/project.entity';
import { BudgetSource, ProjectLinkKind, ProjectRole, ProjectStatus, Subprogramme } from '../project/project.enums';

export const DEMO_AUTHOR = 'demo-seed';
export const projectDemoId = (key: string) => stableId(`project:${key}`);

/** Records of the other subgraphs' demo seeds, by the same stable keys they use. */
const ref = {
  event: (key: string) => ({ kind: ProjectLinkKind.EVENT, subjectId: stableId(`event:${key}`) }),
  initiative: (key: string) => ({ kind: ProjectLinkKind.INITIATIVE, subjectId: stableId(`initiative:${key}`) }),
  monument: (code: string) => ({ kind: ProjectLinkKind.MONUMENT, subjectId: stableId(`monument:${code}`) }),
  mediaPlan: (key: string) => ({ kind: ProjectLinkKind.MEDIA_PLAN, subjectId: stableId(`media-plan:${key}`) }),
  face: (key: string) => ({ kind: ProjectLinkKind.FACE, subjectId: stableId(`face:${key}`) }),
};

interface DemoProject {
  key: string;
  subprogramme: Subprogramme;
  baseProject: string;
  title: string;
  territoryCode: string;
  startsOn: string;
  endsOn: string;
  goal: string;
  measurableResult: string;
  status: ProjectStatus;
  budget: [BudgetSource, number][];
  members: [ProjectRole, string, string | null][];
  links: { kind: ProjectLinkKind; subjectId: string }[];
}

export const DEMO_PROJECTS: DemoProject[] = [
  {
    key: 'almaty-olketanu-2026',
    subprogramme: Subprogramme.TARBIE_BILIM,
    baseProject: 'Olketanu',
    title: 'Алматы тарихын жас өлкетанушылар зерттейді',
    territoryCode: '750000000',
    startsOn: '2026-09-01',
    endsOn: '2027-05-31',
    goal: 'Мектеп оқушылары қаланың тарихи ғимараттарын зерттеп, сипаттама жазады',
    measurableResult: '20 мектеп үйірмесі, 600 оқушы, 15 ғимаратқа жаңа сипаттама',
    status: ProjectStatus.ACTIVE,
    budget: [
      [BudgetSource.LOCAL, 12_000_000],
      [BudgetSource.SPONSOR, 3_500_000],
    ],
    members: [
      [ProjectRole.CURATOR, 'Ерлан Сейітов', 'Алматы қаласы әкімінің орынбасары'],
      [ProjectRole.PROJECT_MANAGER, 'Динара Әлімова', 'Қалалық білім басқармасы'],
      [ProjectRole.EXPERT, 'Бақыт Нұрланов', 'Тарих ғылымдарының кандидаты'],
    ],
    links: [ref.event('almaty-young-historians-rally'), ref.monument('KZH049'), ref.monument('KZH052'), ref.mediaPlan('almaty-2026-q4')],
  },
  {
    key: 'almaty-medeu-park',
    subprogramme: Subprogramme.ATAMEKEN,
    baseProject: 'Atameken',
    title: 'Медеу ауданындағы аула саябағы',
    territoryCode: '751710000',
    startsOn: '2026-04-01',
    endsOn: '2026-12-31',
    goal: 'Тұрғындардың бастамасымен аула саябағын абаттандыру',
    measurableResult: 'Бір саябақ, 40 ағаш, 3 000 тұрғынға арналған демалыс орны',
    status: ProjectStatus.ACTIVE,
    budget: [
      [BudgetSource.LOCAL, 25_000_000],
      [BudgetSource.SPONSOR, 8_000_000],
    ],
    members: [
      [ProjectRole.HEAD, 'Асқар Жұмабеков', 'Медеу ауданы әкімі'],
      [ProjectRole.MANAGER, 'Гүлжан Ахметова', null],
      [ProjectRole.TASK_EXECUTOR, '«Жасыл қала» қоғамдық бірлестігі', null],
    ],
    links: [ref.initiative('almaty-park-medeu'), ref.mediaPlan('almaty-medeu-2026-q4')],
  },
  {
    key: 'turkistan-sacred-geography',
    subprogramme: Subprogramme.RUKHANI_QAZYNA,
    baseProject: 'Sacred geography of Kazakhstan',
    title: 'Түркістан: Қожа Ахмет Ясауи кесенесіне тағылымдық сапарлар',
    territoryCode: '611000000',
    startsOn: '2026-03-01',
    endsOn: '2026-11-30',
    goal: 'Оқушылар мен тұрғындар қасиетті орындармен танысады',
    measurableResult: '12 экскурсия, 1 200 қатысушы, кесенеде QR-код орнатылған',
    status: ProjectStatus.COMPLETED,
    budget: [[BudgetSource.REPUBLICAN, 9_000_000]],
    members: [
      [ProjectRole.CURATOR, 'Нұрлан Байтұрсынов', 'Түркістан қаласы әкімінің орынбасары'],
      [ProjectRole.CHIEF_MANAGER, 'Сәуле Оразова', 'Өңірлік жобалық кеңсе'],
    ],
    links: [ref.monument('KZH001'), ref.event('turkistan-yasawi-excursion'), ref.face('turkistan-restorer')],
  },
  {
    key: 'turkistan-new-faces-2026',
    subprogramme: Subprogramme.AQPARAT_TOLQYNY,
    baseProject: '100 new faces',
    title: 'Түркістан облысының жаңа есімдері',
    territoryCode: '610000000',
    startsOn: '2026-01-15',
    endsOn: '2026-12-15',
    goal: 'Өңірдің еңбегімен көзге түскен адамдарын елге таныту',
    measurableResult: 'Кемінде 10 кандидат, әрқайсысы туралы бір жарияланым',
    status: ProjectStatus.ACTIVE,
    budget: [
      [BudgetSource.LOCAL, 4_000_000],
      [BudgetSource.OTHER, 500_000],
    ],
    members: [
      [ProjectRole.ADMINISTRATOR, 'Айжан Мырзахметова', 'Облыстық ішкі саясат басқармасы'],
      [ProjectRole.EXPERT, 'Ғалым Тұрсынов', 'Журналист'],
    ],
    links: [ref.face('turkistan-restorer'), ref.face('turkistan-teacher'), ref.mediaPlan('turkistan-city-2026-q3'), ref.mediaPlan('turkistan-2026')],
  },
  {
    key: 'turkistan-school-library',
    subprogramme: Subprogramme.ATAMEKEN,
    baseProject: 'Atameken',
    title: 'Ауыл мектебіне кітапхана',
    territoryCode: '611000000',
    startsOn: '2027-01-10',
    endsOn: '2027-06-30',
    goal: 'Мектеп кітапханасын қазақ тіліндегі жаңа кітаптармен толықтыру',
    measurableResult: '2 000 кітап, оқырмандар саны 30%-ға өседі',
    status: ProjectStatus.PLANNED,
    budget: [[BudgetSource.SPONSOR, 6_000_000]],
    members: [[ProjectRole.PROJECT_MANAGER, 'Мәдина Қасымова', 'Мектеп директоры']],
    links: [ref.initiative('turkistan-school-library')],
  },
];

/** Projects of the register with budgets, roles and links; rows already there are left as they are. */
export async function seedProjects(db: DataSource, logger: Logger): Promise<void> {
  const ids = DEMO_PROJECTS.map((p) => projectDemoId(p.key));
  const existing = new Set((await db.getRepository(ProjectEntity).find({ select: { id: true }, where: { id: In(ids) } })).map((p) => p.id));
  const fresh = DEMO_PROJECTS.filter((p) => !existing.has(projectDemoId(p.key)));
  await db.transaction(async (tx) => {
    for (const p of fresh) {
      const id = projectDemoId(p.key);
      await tx.getRepository(ProjectEntity).insert({
        id,
        subprogramme: p.subprogramme,
        baseProject: p.baseProject,
        title: p.title,
        territoryCode: p.territoryCode,
        regionCode: kato().region(p.territoryCode).code,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        goal: p.goal,
        measurableResult: p.measurableResult,
        status: p.status,
        createdBy: DEMO_AUTHOR,
        statusChangedAt: new Date(`${p.startsOn}T09:00:00+05:00`),
      });
      await tx.getRepository(ProjectBudgetEntity).insert(p.budget.map(([source, amount]) => ({ projectId: id, source, amount })));
      await tx
        .getRepository(ProjectMemberEntity)
        .insert(p.members.map(([role, personName, position], i) => ({ id: stableId(`project-member:${p.key}:${i}`), projectId: id, role, personName, position })));
      await tx.getRepository(ProjectLinkEntity).insert(p.links.map((l) => ({ projectId: id, ...l })));
    }
  });
  if (fresh.length) logger.info({ projects: fresh.length }, 'demo projects seeded');
}
