import { graphql } from '../gql';

/**
 * Live status changes. Pass the cursor of the last event received as `after` when resubscribing:
 * the gateway replays what was missed, then continues live, with no gap and no repeat.
 */
graphql(`
  subscription ComplaintStatusChanged($after: String, $territory: ID) {
    complaintStatusChanged(after: $after, territory: $territory) {
      cursor
      from
      to
      at
      by
      complaint {
        id
        topic
        status
        isOpen
        isOverdue
        dueOn
        territory {
          code
          names { kk ru en }
          region { code }
        }
      }
    }
  }
`);
