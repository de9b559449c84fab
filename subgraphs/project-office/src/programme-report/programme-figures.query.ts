/** Statuses whose counts the report gives (the public enums of the owning subgraphs). */
export const INITIATIVE_STATUSES = ['INITIATED', 'IN_PROGRESS', 'IMPLEMENTED', 'REJECTED', 'WITHDRAWN'] as const;
export const FACE_STATUSES = ['NOMINATED', 'SHORTLISTED', 'SELECTED', 'FEATURED'] as const;

/**
 * One gateway request per territory and period. Lists are read whole (500 a page, the gateway's
 * largest) and summed here: initiatives' money and media plans' execution have no totals elsewhere.
 */
export const PROGRAMME_FIGURES_QUERY = `query ProgrammeFigures($code: ID!, $from: String!, $to: String!, $fromTs: DateTimeISO!, $toTs: DateTimeISO!, $schoolYear: Int!) {
  territory(code: $code) {
    clubs(first: 1, filter: { activeIn: $schoolYear }) { totalCount }
    tarbieBilimIndicators(schoolYear: $schoolYear) { clubMembers participants }
    events(first: 1, filter: { from: $fromTs, to: $toTs }) { totalCount }
    eventsHeld: events(first: 1, filter: { from: $fromTs, to: $toTs, status: COMPLETED }) { totalCount }
    initiatives(first: 500) { nodes { status pledged budgetAmount implementedAt createdAt } }
    complaintIndicators(from: $from, to: $to) { filed open resolvedByState resolvedByCitizens overdue shareResolvedWithinDeadline }
    qrCoverage { monuments monumentsWithInstalledQr share }
    routes(first: 1) { totalCount }
    mediaPlans(first: 500, filter: { status: APPROVED }) { nodes { year quarter execution { itemsPlanned publishedOnTime publishedLate cancelled reach } } }
    ${FACE_STATUSES.map((s) => `face_${s}: faces(first: 1, filter: { status: ${s} }) { totalCount }`).join('\n    ')}
  }
  qrScanIndicators(territory: $code, period: { from: $from, to: $to }) { scans }
}`;

export interface ProgrammeFiguresAnswer {
  territory: {
    clubs: { totalCount: number };
    tarbieBilimIndicators: { clubMembers: number; participants: number };
    events: { totalCount: number };
    eventsHeld: { totalCount: number };
    initiatives: { nodes: { status: string; pledged: number; budgetAmount: number; implementedAt: string | null; createdAt: string }[] };
    complaintIndicators: { filed: number; open: number; resolvedByState: number; resolvedByCitizens: number; overdue: number; shareResolvedWithinDeadline: number | null };
    qrCoverage: { monuments: number; monumentsWithInstalledQr: number; share: number | null };
    routes: { totalCount: number };
    mediaPlans: { nodes: { year: number; quarter: number | null; execution: { itemsPlanned: number; publishedOnTime: number; publishedLate: number; cancelled: number; reach: number } }[] };
  } & Record<string, { totalCount: number }>;
  qrScanIndicators: { scans: number };
}
