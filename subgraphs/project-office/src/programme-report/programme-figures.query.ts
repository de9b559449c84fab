/** Statuses whose counts the report gives (the public enums of the owning subgraphs). */
export const INITIATIVE_STATUSES = ['INITIATED', 'IN_PROGRESS', 'IMPLEMENTED', 'REJECTED', 'WITHDRAWN'] as const;
export const FACE_STATUSES = ['NOMINATED', 'SHORTLISTED', 'SELECTED', 'FEATURED'] as const;

const INITIATIVE_FIELDS = 'status pledged budgetAmount implementedAt createdAt';
const PLAN_FIELDS = 'year quarter execution { itemsPlanned publishedOnTime publishedLate cancelled reach }';

/** Further pages of the two lists summed here, when a territory has more than one page of them. */
export const MORE_INITIATIVES_QUERY = `query($code: ID!, $after: String) { territory(code: $code) { initiatives(first: 500, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${INITIATIVE_FIELDS} } } } }`;
export const MORE_MEDIA_PLANS_QUERY = `query($code: ID!, $after: String) { territory(code: $code) { mediaPlans(first: 500, after: $after, filter: { status: APPROVED }) { pageInfo { hasNextPage endCursor } nodes { ${PLAN_FIELDS} } } } }`;

/**
 * One gateway request per territory and period (more only for territories with over 500 initiatives or plans). Lists are read whole (500 a page, the gateway's
 * largest) and summed here: initiatives' money and media plans' execution have no totals elsewhere.
 */
export const PROGRAMME_FIGURES_QUERY = `query ProgrammeFigures($code: ID!, $from: String!, $to: String!, $fromTs: DateTimeISO!, $toTs: DateTimeISO!, $schoolYear: Int!) {
  territory(code: $code) {
    clubs(first: 1, filter: { activeIn: $schoolYear }) { totalCount }
    tarbieBilimIndicators(schoolYear: $schoolYear) { clubMembers participants }
    events(first: 1, filter: { from: $fromTs, to: $toTs }) { totalCount }
    eventsHeld: events(first: 1, filter: { from: $fromTs, to: $toTs, status: COMPLETED }) { totalCount }
    initiatives(first: 500) { pageInfo { hasNextPage endCursor } nodes { ${INITIATIVE_FIELDS} } }
    complaintIndicators(from: $from, to: $to) { filed open resolvedByState resolvedByCitizens overdue shareResolvedWithinDeadline }
    qrCoverage { monuments monumentsWithInstalledQr share }
    routes(first: 1) { totalCount }
    mediaPlans(first: 500, filter: { status: APPROVED }) { pageInfo { hasNextPage endCursor } nodes { ${PLAN_FIELDS} } }
    ${FACE_STATUSES.map((s) => `face_${s}: faces(first: 1, filter: { status: ${s} }) { totalCount }`).join('\n    ')}
  }
  qrScanIndicators(territory: $code, period: { from: $from, to: $to }) { scans }
}`;

export interface Page<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}
export type InitiativeRow = { status: string; pledged: number; budgetAmount: number; implementedAt: string | null; createdAt: string };
export type PlanRow = { year: number; quarter: number | null; execution: { itemsPlanned: number; publishedOnTime: number; publishedLate: number; cancelled: number; reach: number } };

export interface ProgrammeFiguresAnswer {
  territory: {
    clubs: { totalCount: number };
    tarbieBilimIndicators: { clubMembers: number; participants: number };
    events: { totalCount: number };
    eventsHeld: { totalCount: number };
    initiatives: Page<InitiativeRow>;
    complaintIndicators: { filed: number; open: number; resolvedByState: number; resolvedByCitizens: number; overdue: number; shareResolvedWithinDeadline: number | null };
    qrCoverage: { monuments: number; monumentsWithInstalledQr: number; share: number | null };
    routes: { totalCount: number };
    mediaPlans: Page<PlanRow>;
  } & Record<string, { totalCount: number }>;
  qrScanIndicators: { scans: number };
}
