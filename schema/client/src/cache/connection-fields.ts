/**
 * Every field of the API that returns a connection (`nodes`, `pageInfo`, `totalCount`, perhaps other
 * whole-list counts such as `unreadCount`, taken from the latest page; no `edges`),
 * with the arguments that select a different list. `first` and `after` only page through one list,
 * so they are never part of a cache key. A test keeps this table in step with schema/api.graphql.
 */
export const CONNECTION_FIELDS = {
  Query: {
    faces: ['filter'],
    mediaPlans: ['orderBy', 'filter'],
    akimatOfficers: ['filter'],
    complaints: ['orderBy', 'filter'],
    districtReports: ['filter'],
    initiatives: ['filter'],
    peopleInNeed: ['filter'],
    personalDataReleases: ['filter'],
    projects: ['filter'],
    volunteerHelpRecords: ['filter'],
    volunteers: ['filter'],
    zhomartAwards: ['filter'],
    monuments: ['filter'],
    tourismRoutes: ['filter'],
    localHistoryClubs: ['filter'],
    events: ['filter'],
    localHistoryMaterials: ['filter'],
    myRegistrations: ['filter'],
    eventRegistrations: ['filter', 'eventId'],
    myNotifications: ['unreadOnly'],
    mailDeliveries: ['status'],
  },
  Territory: {
    faces: ['filter'],
    mediaPlans: ['filter'],
    complaints: ['filter'],
    initiatives: ['filter'],
    monuments: ['filter'],
    routes: ['type'],
    clubs: ['filter'],
    events: ['filter'],
    localHistory: ['filter'],
  },
  Monument: { complaints: ['filter'], tourismRoutes: [] },
  Volunteer: { reviews: [], helpRecords: ['status'] },
  Complaint: { comments: [] },
} as const satisfies Record<string, Record<string, readonly string[]>>;

/** Object types without an `id`, keyed by another field so a normalised cache can merge them. */
export const KEY_FIELDS = {
  Territory: ['code'],
  AdministrativeCentre: ['code'],
} as const satisfies Record<string, readonly string[]>;
