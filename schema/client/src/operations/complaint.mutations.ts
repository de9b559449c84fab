import { graphql } from '../gql';

/** A citizen files a complaint (evidence ids come from the gateway's upload endpoint). */
graphql(`
  mutation FileComplaint($input: FileComplaintInput!) {
    fileComplaint(input: $input) {
      complaint { id status dueOn territory { code region { code } } }
    }
  }
`);

/** An akimat officer moves a complaint along its lifecycle. */
graphql(`
  mutation ChangeComplaintStatus($id: ID!, $to: ComplaintStatus!, $comment: String) {
    changeComplaintStatus(id: $id, to: $to, comment: $comment) { id status isOpen isOverdue }
  }
`);
