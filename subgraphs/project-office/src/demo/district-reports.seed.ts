import { kato } from '@rz/schema';
import type { Logger } from '@rz/service-kit';
import { stableId } from '@rz/subgraph-runtime';
import { In, type DataSource } from 'typeorm';
import { DistrictReportEntity } from '../district-report/district-report.entity';
import { DistrictReportStatus } from '../district-report/district-report.enums';
import { periodOf } from '../district-report/report-period';
import { DEMO_AUTHOR } from './projects.seed';

export const districtReportDemoId = (territoryCode: string, periodEnd: string) => stableId(`district-report:${territoryCode}:${periodEnd}`);

/**
 * Drafts only: a submitted report's figures come from the graph at submission, which a seed
 * (run before the gateway is up) cannot honestly provide. The periods left without a report
 * show the regional project office its late districts.
 */
const DEMO_REPORTS: { territoryCode: string; periodEnd: string; results: string | null; problems: string | null; nextSteps: string | null }[] = [
  {
    territoryCode: '751110000',
    periodEnd: '2026-11-27',
    results: 'Алмалы ауданының 4 мектебінде өлкетану үйірмесі ашылды, 120 оқушы қатысты; Академия ғимаратына экскурсия өтті',
    problems: 'Екі мектепте үйірме жетекшісі жоқ',
    nextSteps: 'Желтоқсанда жетекшілерге семинар өткізу',
  },
  {
    territoryCode: '751710000',
    periodEnd: '2026-11-27',
    results: null,
    problems: 'Саябақ құрылысы жер учаскесінің құжаттарын күтіп тұр',
    nextSteps: null,
  },
  {
    territoryCode: '611000000',
    periodEnd: '2026-11-13',
    results: 'Кесенеге 3 тағылымдық сапар өтті, 240 оқушы қатысты',
    problems: null,
    nextSteps: 'Қысқы демалыста ауыл мектептерінің оқушыларын шақыру',
  },
];

export async function seedDistrictReports(db: DataSource, logger: Logger): Promise<void> {
  const ids = DEMO_REPORTS.map((r) => districtReportDemoId(r.territoryCode, r.periodEnd));
  const existing = new Set((await db.getRepository(DistrictReportEntity).find({ select: { id: true }, where: { id: In(ids) } })).map((r) => r.id));
  const fresh = DEMO_REPORTS.filter((r) => !existing.has(districtReportDemoId(r.territoryCode, r.periodEnd)));
  if (!fresh.length) return;
  await db.getRepository(DistrictReportEntity).insert(
    fresh.map((r) => ({
      id: districtReportDemoId(r.territoryCode, r.periodEnd),
      territoryCode: r.territoryCode,
      regionCode: kato().region(r.territoryCode).code,
      periodStart: periodOf(r.periodEnd).from,
      periodEnd: r.periodEnd,
      status: DistrictReportStatus.DRAFT,
      results: r.results,
      problems: r.problems,
      nextSteps: r.nextSteps,
      createdBy: DEMO_AUTHOR,
    })),
  );
  logger.info({ reports: fresh.length }, 'demo district reports seeded');
}
