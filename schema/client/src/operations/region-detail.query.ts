import { graphql } from '../gql';

/**
 * One region in one gateway query: complaints by status and their monthly trend (atameken),
 * QR coverage (rukhani-qazyna), events and clubs (tarbie-bilim), media plans and faces (aqparat-tolqyny).
 */
graphql(`
  query RegionDetail($code: ID!, $from: String!, $to: String!, $lang: Lang!) {
    territory(code: $code) {
      code
      names { kk ru en }
      complaintIndicators(from: $from, to: $to) {
        filed
        open
        overdue
        medianDaysToResolve
        shareResolvedWithinDeadline
      }
      submitted: complaints(first: 1, filter: { status: SUBMITTED }) { totalCount }
      accepted: complaints(first: 1, filter: { status: ACCEPTED }) { totalCount }
      inProgress: complaints(first: 1, filter: { status: IN_PROGRESS }) { totalCount }
      resolved: complaints(first: 1, filter: { status: RESOLVED }) { totalCount }
      resolvedByCitizens: complaints(first: 1, filter: { status: RESOLVED_BY_CITIZENS }) { totalCount }
      rejected: complaints(first: 1, filter: { status: REJECTED }) { totalCount }
      duplicate: complaints(first: 1, filter: { status: DUPLICATE }) { totalCount }
      complaintTrend(from: $from, to: $to) {
        month
        filed
        resolvedByState
        resolvedByCitizens
      }
      qrCoverage { monuments monumentsWithInstalledQr share }
      events(first: 5) {
        totalCount
        nodes { id kind status startsAt title(lang: $lang) }
      }
      clubs(first: 1) { totalCount }
      mediaPlans(first: 5) {
        totalCount
        nodes { id year quarter status isLate }
      }
      faces(first: 5) {
        totalCount
        nodes { id name sphere status }
      }
    }
  }
`);
