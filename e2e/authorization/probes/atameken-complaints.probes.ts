import { createHash } from 'node:crypto';
import { signEvidenceId } from '@rz/schema';
import { testEnv } from '@rz/test-support';
import { ALMATY, unique, type ProbeSet } from '../role-table.probe';

/**
 * An evidence id as the gateway's upload endpoint issues it. Signed here like the tests do,
 * because the walk's gateway would store real uploads in the development store (.data/evidence).
 */
const evidenceId = () => signEvidenceId(testEnv().evidenceSecret, createHash('sha256').update(`role-table-evidence:${unique()}`).digest('hex'), 'photo');

const FILE = `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } } }`;
const complaintInput = (evidence: string) => ({
  topic: 'ROADS',
  text: 'Role table probe: a pothole in the courtyard of the house.',
  territory: ALMATY,
  evidence: [evidence],
});

/** Complaints, their comments, evidence and deadlines, and the akimat officers they are routed to. */
export const atamekenComplaintProbes: ProbeSet = {
  subgraph: 'atameken',
  async fixtures({ must }) {
    // The owner's complaint stays SUBMITTED through the walk: no probe below ever moves it.
    const owned = await must(FILE, { input: complaintInput(evidenceId()) }, 'owner');
    const complaintId: string = owned.fileComplaint.complaint.id;
    await must(
      `mutation($input: CommentOnComplaintInput!) { commentOnComplaint(input: $input) { id } }`,
      { input: { complaint: complaintId, text: 'The owner adds: it is getting deeper.' } },
      'owner',
    );
    // commentOnComplaint comments here, so the owner's complaint keeps only the owner's comment.
    const other = await must(FILE, { input: complaintInput(evidenceId()) }, 'admin');
    const officer = await must(`mutation($input: AssignAkimatOfficerInput!) { assignAkimatOfficer(input: $input) { id } }`, {
      input: { officerSubject: `role-table-removed-${unique()}`, territory: ALMATY },
    });
    return {
      complaintId,
      commentedComplaintId: other.fileComplaint.complaint.id,
      officerId: officer.assignAkimatOfficer.id,
      evidenceId: evidenceId(),
    };
  },
  probes: {
    fileComplaint: {
      // Every allowed call files a fresh complaint (no location, so nothing to compare as a duplicate).
      document: FILE,
      variables: (f) => ({ input: complaintInput(f.evidenceId) }),
    },
    changeComplaintStatus: {
      // SUBMITTED -> SUBMITTED is never a move: allowed callers meet INVALID_TRANSITION.
      document: `mutation($id: ID!) { changeComplaintStatus(id: $id, to: SUBMITTED) { id } }`,
      variables: (f) => ({ id: f.complaintId }),
    },
    undoComplaintDuplicate: {
      // The fixture complaint is SUBMITTED, not a DUPLICATE: allowed callers meet INVALID_TRANSITION.
      document: `mutation($id: ID!) { undoComplaintDuplicate(id: $id) { id } }`,
      variables: (f) => ({ id: f.complaintId }),
    },
    reopenComplaint: {
      // Only resolved complaints reopen: the owner meets INVALID_TRANSITION on the SUBMITTED one.
      document: `mutation($id: ID!) { reopenComplaint(id: $id, reason: "Role table probe: still not solved.") { id } }`,
      variables: (f) => ({ id: f.complaintId }),
    },
    addComplaintEvidence: {
      // A fresh file per call: the owner adds it to the SUBMITTED complaint (at most ten in all; the walk calls it once as the owner).
      document: `mutation($id: ID!, $evidence: [ID!]!) { addComplaintEvidence(id: $id, evidence: $evidence) { id } }`,
      variables: (f) => ({ id: f.complaintId, evidence: [evidenceId()] }),
    },
    commentOnComplaint: {
      document: `mutation($id: ID!) { commentOnComplaint(input: { complaint: $id, kind: PROPOSAL, text: "Role table probe: fill it with gravel." }) { id } }`,
      variables: (f) => ({ id: f.commentedComplaintId }),
    },
    setComplaintTopicDeadline: {
      // 15 is the default, so complaints filed meanwhile get the same due day.
      document: `mutation { setComplaintTopicDeadline(topic: ROADS, workingDays: 15) { topic } }`,
      variables: () => ({}),
    },
    assignAkimatOfficer: {
      // The admin's first call registers the official; the second meets CONFLICT. Almaty is staffed already, so routing stays.
      document: `mutation { assignAkimatOfficer(input: { officerSubject: "role-table-assigned", territory: "${ALMATY}" }) { id } }`,
      variables: () => ({}),
    },
    removeAkimatOfficer: {
      // The admin's first call removes the fixture registration; the second meets NOT_FOUND.
      document: `mutation($id: ID!) { removeAkimatOfficer(id: $id) { id } }`,
      variables: (f) => ({ id: f.officerId }),
    },
    akimatOfficers: {
      document: `{ akimatOfficers(first: 5) { nodes { id officerSubject } } }`,
      variables: () => ({}),
    },
    myComplaints: {
      document: `{ complaints(first: 5, filter: { mine: true }) { totalCount nodes { id } } }`,
      variables: () => ({}),
    },
    complaintIsMine: {
      document: `query($id: ID!) { complaint(id: $id) { id isMine } }`,
      variables: (f) => ({ id: f.complaintId }),
      shows: (r) => (r.data as any)?.complaint?.isMine === true,
    },
    complaintEvidence: {
      document: `query($id: ID!) { complaint(id: $id) { id evidenceCount evidence { url } } }`,
      variables: (f) => ({ id: f.complaintId }),
      shows: (r) => ((r.data as any)?.complaint?.evidence ?? []).length > 0,
    },
    complaintCommentIsMine: {
      document: `query($id: ID!) { complaint(id: $id) { id comments(first: 20) { nodes { id isMine } } } }`,
      variables: (f) => ({ id: f.complaintId }),
      shows: (r) => ((r.data as any)?.complaint?.comments?.nodes ?? []).some((c: any) => c.isMine === true),
    },
  },
};
