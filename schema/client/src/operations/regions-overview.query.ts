import { graphql } from '../gql';

/** The country at a glance: every region with its civic control figures for a period. */
graphql(`
  query RegionsOverview($from: String!, $to: String!) {
    regions {
      code
      names { kk ru en }
      complaintIndicators(from: $from, to: $to) {
        filed
        open
        overdue
        resolvedByState
        resolvedByCitizens
        rejected
        duplicates
      }
    }
  }
`);
