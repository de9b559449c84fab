import { graphql } from '../gql';

graphql(`
  fragment WorkItem on Complaint {
    id
    topic
    status
    text
    createdAt
    dueOn
    isOverdue
    isAssignedToMe
    commentCount
    territory { code names { kk ru en } }
    responsibleTerritory { code names { kk ru en } }
  }
`);

/** An officer's work list: overdue complaints first, then the new, accepted and in-progress ones. */
graphql(`
  query OfficerWorkList($territory: ID, $first: Int!) {
    overdue: complaints(first: $first, filter: { territory: $territory, overdue: true }) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes { ...WorkItem }
    }
    submitted: complaints(first: $first, filter: { territory: $territory, status: SUBMITTED, overdue: false }) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes { ...WorkItem }
    }
    accepted: complaints(first: $first, filter: { territory: $territory, status: ACCEPTED, overdue: false }) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes { ...WorkItem }
    }
    inProgress: complaints(first: $first, filter: { territory: $territory, status: IN_PROGRESS, overdue: false }) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes { ...WorkItem }
    }
  }
`);

/** The next page of one bucket of the work list. */
graphql(`
  query ComplaintsPage($filter: ComplaintFilter, $first: Int!, $after: String) {
    complaints(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes { ...WorkItem }
    }
  }
`);
