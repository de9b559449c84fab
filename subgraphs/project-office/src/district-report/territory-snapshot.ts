import type { ProjectOfficeConfig } from '../config';
import { GraphReader } from '../graph/graph-reader';
import { schoolYearOf } from './report-period';

/**
 * The territory's figures from all four subprogrammes, as the gateway answers them to anyone:
 * complaints filed and handled in the period (atameken), the school year's Tarbie-Bilim
 * indicators, QR coverage of monuments now (rukhani-qazyna), initiatives, media plans and faces
 * recorded (counts as of the snapshot). Exported so tests ask the gateway the same question.
 */
export const TERRITORY_SNAPSHOT_QUERY = `query TerritorySnapshot($code: ID!, $from: String!, $to: String!, $schoolYear: Int!) {
  territory(code: $code) {
    code
    complaintIndicators(from: $from, to: $to) { from to filed open resolvedByState resolvedByCitizens rejected duplicates overdue resolvedWithinDeadline }
    tarbieBilimIndicators(schoolYear: $schoolYear) { schoolYear clubs clubMembers events participants excursionsToMonuments monumentsVisited }
    qrCoverage { monuments monumentsWithInstalledQr share }
    initiatives(first: 1) { totalCount }
    mediaPlans(first: 1) { totalCount }
    faces(first: 1) { totalCount }
  }
}`;

export function snapshotVariables(code: string, period: { from: string; to: string }) {
  return { code, from: period.from, to: period.to, schoolYear: schoolYearOf(period.to) };
}

export async function readTerritorySnapshot(config: ProjectOfficeConfig, code: string, period: { from: string; to: string }): Promise<Record<string, unknown>> {
  const data = await new GraphReader(config).read<{ territory: Record<string, unknown> }>(TERRITORY_SNAPSHOT_QUERY, snapshotVariables(code, period));
  return data.territory;
}
