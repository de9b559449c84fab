/**
 * The query mix of `npm run bench:gateway`: what the portal and the akimat's work place ask,
 * touching all four subgraphs. Every operation must return data without errors on the demo data
 * and on the scale data (the bench checks before measuring).
 */
export interface MixOperation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Sent with an akimat officer's token (Almaty). */
  auth?: 'officer';
}

/** The period the scale data covers (two years); the demo data falls inside it too. */
export const PERIOD = { from: '2024-12-01', to: '2026-11-30' };
export const SCHOOL_YEAR = 2025;
export const OFFICER = { subject: 'demo-akimat-750000000', territory: '750000000', roles: ['akimat_officer'] };

const INDICATORS = 'filed open overdue resolvedByState resolvedByCitizens rejected duplicates resolvedWithinDeadline medianDaysToResolve shareResolvedWithinDeadline';

/** The 20 regions' complaint indicators side by side: the republic dashboard. */
export const REGIONS_DASHBOARD: MixOperation = {
  name: 'regions-dashboard',
  query: `query RegionsDashboard($from: String!, $to: String!) {
    regions { code name(lang: RU) centre { code location { lat lon } } complaintIndicators(from: $from, to: $to) { ${INDICATORS} } }
  }`,
  variables: PERIOD,
};

/** One region's complaint indicators. */
export const REGION_INDICATORS: MixOperation = {
  name: 'region-indicators',
  query: `query RegionIndicators($territory: ID!, $from: String!, $to: String!) {
    complaintIndicators(territory: $territory, from: $from, to: $to) { from to ${INDICATORS} }
  }`,
  variables: { territory: '750000000', ...PERIOD },
};

export const GATEWAY_MIX: readonly MixOperation[] = [
  REGIONS_DASHBOARD,
  REGION_INDICATORS,
  {
    // One region's page: indicators and counts from every subgraph.
    name: 'region-dashboard',
    query: `query RegionDashboard($code: ID!, $from: String!, $to: String!, $schoolYear: Int!) {
      territory(code: $code) {
        code name(lang: RU) level
        complaintIndicators(from: $from, to: $to) { ${INDICATORS} }
        complaintTrend(from: $from, to: $to) { month filed resolvedByState resolvedByCitizens }
        qrCoverage { monuments monumentsWithInstalledQr share }
        tarbieBilimIndicators(schoolYear: $schoolYear) { schoolYearLabel events participants clubs participationShare }
        faces(first: 5) { totalCount nodes { id name status } }
        mediaPlans(first: 5) { totalCount nodes { id year quarter status } }
        events(first: 5) { totalCount nodes { id title(lang: RU) startsAt } }
        initiatives(first: 5) { totalCount nodes { id title(lang: RU) status } }
      }
    }`,
    variables: { code: '750000000', ...PERIOD, schoolYear: SCHOOL_YEAR },
  },
  {
    // Territory fan-out: every region, a connection from each subgraph (the N+1 case).
    name: 'regions-fan-out',
    query: `query RegionsFanOut {
      regions {
        code name(lang: EN)
        monuments(first: 1) { totalCount }
        initiatives(first: 1) { totalCount }
        complaints(first: 1) { totalCount }
        events(first: 1) { totalCount }
        faces(first: 1) { totalCount }
        mediaPlans(first: 1) { totalCount }
        qrCoverage { share }
      }
    }`,
  },
  {
    name: 'regions-indicators-fan-out',
    query: `query RegionsIndicators($from: String!, $to: String!, $schoolYear: Int!) {
      regions {
        code
        complaintIndicators(from: $from, to: $to) { filed open overdue }
        qrCoverage { monuments share }
        tarbieBilimIndicators(schoolYear: $schoolYear) { events participants participationShare }
      }
    }`,
    variables: { ...PERIOD, schoolYear: SCHOOL_YEAR },
  },
  {
    // Complaints with their territory (classifier) and monument (rukhani-qazyna).
    name: 'complaints-territory-monument',
    query: `query Complaints($territory: ID!) {
      complaints(first: 20, filter: { territory: $territory }) {
        totalCount
        nodes {
          id topic status createdAt dueOn isOverdue indicator
          territory { code name(lang: RU) region { code name(lang: RU) } }
          monument { id name(lang: RU) type condition }
        }
      }
    }`,
    variables: { territory: '750000000' },
  },
  {
    // Monument damage reports: complaint -> monument -> its events and media coverage.
    name: 'monument-damage-deep',
    query: `query MonumentDamage {
      complaints(first: 10, filter: { topic: MONUMENT_DAMAGE }) {
        nodes {
          id status createdAt
          territory { name(lang: RU) }
          monument { id name(lang: RU) territory { name(lang: RU) } events(first: 3) { id title(lang: RU) startsAt } mediaCoverage { id channel status publishedOn } }
        }
      }
    }`,
  },
  {
    name: 'monuments-events-coverage',
    query: `query Monuments($territory: ID!) {
      monuments(first: 20, filter: { territory: $territory }) {
        totalCount
        nodes {
          id name(lang: RU) type condition onStateList
          territory { name(lang: RU) }
          events(first: 5) { id title(lang: RU) startsAt registeredCount }
          mediaCoverage { id channel outlet publishedOn reach }
          openComplaintCount
        }
      }
    }`,
    variables: { territory: '610000000' },
  },
  {
    name: 'initiatives-coverage',
    query: `query Initiatives {
      initiatives(first: 20) {
        totalCount
        nodes {
          id title(lang: RU) status estimate progress
          territory { name(lang: RU) }
          mediaCoverage { id outlet publishedOn plan { id territory { name(lang: RU) } } }
        }
      }
    }`,
  },
  {
    name: 'events-monuments-coverage',
    query: `query Events($territory: ID!) {
      events(first: 20, filter: { territory: $territory }) {
        totalCount
        nodes {
          id title(lang: RU) kind status startsAt registeredCount placesLeft
          territory { name(lang: RU) }
          monumentsVisited { id name(lang: RU) }
          mediaCoverage { id publishedOn }
        }
      }
    }`,
    variables: { territory: '750000000' },
  },
  {
    name: 'media-plans-subjects',
    query: `query MediaPlans {
      mediaPlans(first: 10) {
        totalCount
        nodes {
          id year quarter status isLate
          territory { name(lang: RU) }
          items {
            id channel status publishedOn
            subjects {
              __typename
              ... on Monument { id name(lang: RU) }
              ... on Initiative { id title(lang: RU) }
              ... on Event { id title(lang: RU) }
              ... on Face { id name }
            }
          }
        }
      }
    }`,
  },
  {
    // The akimat officer's work list: accepted complaints routed to Almaty, with history.
    name: 'officer-work-list',
    auth: 'officer',
    query: `query WorkList($akimat: ID!) {
      complaints(first: 20, filter: { responsibleTerritory: $akimat, status: ACCEPTED }) {
        totalCount
        nodes {
          id topic text status dueOn isOverdue isAssignedToMe isMine
          territory { code name(lang: RU) }
          monument { id name(lang: RU) }
          history { from to at byRole }
        }
      }
    }`,
    variables: { akimat: OFFICER.territory },
  },
];
