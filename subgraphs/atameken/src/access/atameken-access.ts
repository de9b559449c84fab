import { forbidden, kato } from '@rz/schema';
import { actsIn, requireActsIn, requireViewer, Role, type Viewer } from '@rz/subgraph-runtime';

/*
 * Who may do what in atameken, by area, as docs/authorization.md lists it; services call
 * these and name no roles themselves. Resolvers' `@Authorized(...)` only turn away the wrong
 * roles before the input is read. Plain ownership (`isMine`, only the author reopens) stays
 * with the record's service.
 *
 * The akimat of a territory is its officers and admins, never the ministry's editors: no
 * atameken row gives `ministry_editor:atameken` anything. So the runtime's
 * `subprogrammeAccess` verbs (`managesTerritory`, `isEditor`, `oversees`), which let editors
 * in, would widen these rules; they are built on `actsIn` instead, and named for what they check.
 */

export function isAdmin(viewer: Viewer | null): boolean {
  return !!viewer && viewer.roles.includes(Role.ADMIN);
}

/** FORBIDDEN unless an admin; `what` completes "Only admins <what>". */
export function requireAdmin(viewer: Viewer | null, what: string): Viewer {
  const v = requireViewer(viewer);
  if (!isAdmin(v)) throw forbidden(`Only admins ${what}`);
  return v;
}

/** Acts for the akimat of `territoryCode`: an akimat officer whose scope covers it, or an admin. */
export function actsForAkimat(viewer: Viewer | null, territoryCode: string): boolean {
  return actsIn(viewer, territoryCode, Role.AKIMAT_OFFICER);
}

/** An akimat officer whose own scope covers `territoryCode`; admin rights do not count here. */
export function isOfficerIn(viewer: Viewer | null, territoryCode: string): boolean {
  return !!viewer && viewer.roles.includes(Role.AKIMAT_OFFICER) && !!viewer.territory && kato().isWithin(territoryCode, viewer.territory);
}

// Civic control: complaints.

/** Moves a complaint along its lifecycle: the akimat of its territory. */
export function requireHandlesComplaint(viewer: Viewer | null, complaint: { territoryCode: string }): Viewer {
  return requireActsIn(viewer, complaint.territoryCode, Role.AKIMAT_OFFICER);
}

/** A comment is the akimat's answer when an officer writes it in a territory they act for. */
export function commentsAsAkimat(viewer: Viewer, territoryCode: string): boolean {
  return viewer.roles.includes(Role.AKIMAT_OFFICER) && actsForAkimat(viewer, territoryCode);
}

/** Signed evidence links: the author and the akimat of the complaint's territory. */
export function maySeeComplaintEvidence(viewer: Viewer | null, complaint: { authorSubject: string; territoryCode: string }): boolean {
  return !!viewer && (viewer.subject === complaint.authorSubject || actsForAkimat(viewer, complaint.territoryCode));
}

// Initiatives.

/** The akimat of an initiative's territory starts, rejects, budgets, completes and edits it. */
export function moderatesInitiatives(viewer: Viewer | null, territoryCode: string): boolean {
  return actsForAkimat(viewer, territoryCode);
}

export function requireModeratesInitiatives(viewer: Viewer, territoryCode: string): void {
  if (!moderatesInitiatives(viewer, territoryCode)) {
    throw forbidden(`Only an akimat officer of territory ${territoryCode} may do this`, { territoryCode });
  }
}

/** The author withdraws their own initiative; admins may too. Officers may not. */
export function mayWithdrawInitiative(viewer: Viewer, initiative: { authorSubject: string }): boolean {
  return viewer.subject === initiative.authorSubject || isAdmin(viewer);
}

/** The author or the akimat of its territory records a milestone. */
export function mayReportProgress(viewer: Viewer, initiative: { authorSubject: string; territoryCode: string }): boolean {
  return viewer.subject === initiative.authorSubject || moderatesInitiatives(viewer, initiative.territoryCode);
}

/** Only NGO accounts propose in an organisation's name (admins neither). */
export function mayProposeForOrganisation(viewer: Viewer): boolean {
  return viewer.roles.includes(Role.NGO);
}

/** People and organisations who put money in; official accounts (and admins) do not pledge. */
const PLEDGER_ROLES: readonly Role[] = [Role.CITIZEN, Role.VOLUNTEER, Role.PATRON, Role.NGO];
/** The organisation is named publicly, so only patron and NGO accounts speak for one. */
const ORGANISATION_PLEDGER_ROLES: readonly Role[] = [Role.PATRON, Role.NGO];

export function mayPledge(viewer: Viewer): boolean {
  return viewer.roles.some((r) => PLEDGER_ROLES.includes(r));
}

export function mayPledgeForOrganisation(viewer: Viewer): boolean {
  return viewer.roles.some((r) => ORGANISATION_PLEDGER_ROLES.includes(r));
}

/** The pledger withdraws their pledge; admins void bogus ones. */
export function mayCancelPledge(viewer: Viewer, pledge: { pledgerSubject: string }): boolean {
  return viewer.subject === pledge.pledgerSubject || isAdmin(viewer);
}

/**
 * The rating is the population's satisfaction (seed 000: "общественная оценка"): residents score it.
 * Akimat, project office and ministry accounts implement or report on the work, NGO accounts speak for
 * organisations that often took part, and admins run the platform, so none of them counts as a resident.
 */
const RATER_ROLES: readonly Role[] = [Role.CITIZEN, Role.VOLUNTEER, Role.PATRON];

export function mayRateInitiatives(viewer: Viewer): boolean {
  return viewer.roles.some((r) => RATER_ROLES.includes(r));
}

// Volunteers, people in need, contact releases, Zhomart Zhurek.

/** The person themself or whoever put them on the map. */
export function ownsPersonInNeed(viewer: Viewer | null, person: { subject: string | null; registeredBySubject: string }): boolean {
  const subject = viewer?.subject;
  return !!subject && (subject === person.subject || subject === person.registeredBySubject);
}

/** Takes a person off the map: the person, whoever registered them, or the akimat of the territory. */
export function mayClosePersonInNeed(
  viewer: Viewer,
  person: { subject: string | null; registeredBySubject: string; territoryCode: string },
): boolean {
  return ownsPersonInNeed(viewer, person) || actsForAkimat(viewer, person.territoryCode);
}

/**
 * Why a help record was rejected may quote the helped person: whoever decided and the akimat of
 * the territory read it (the service adds the volunteer themself, which needs a lookup).
 */
export function readsHelpDecisionNote(viewer: Viewer, record: { decidedBySubject: string | null; territoryCode: string }): boolean {
  return record.decidedBySubject === viewer.subject || actsForAkimat(viewer, record.territoryCode);
}

/**
 * Who confirms or rejects a help record, and in which capacity: the helped person (on the map
 * with their own account), an admin, or the akimat of the territory; never the volunteer themself.
 */
export function decidesHelpAs(
  viewer: Viewer,
  help: { volunteerSubject: string; helpedSubject: string | null; territoryCode: string },
): 'HELPED_PERSON' | 'ADMIN' | 'AKIMAT_OFFICER' {
  if (help.volunteerSubject === viewer.subject) throw forbidden('A volunteer does not confirm their own help');
  if (help.helpedSubject && help.helpedSubject === viewer.subject) return 'HELPED_PERSON';
  if (isAdmin(viewer)) return 'ADMIN';
  if (actsForAkimat(viewer, help.territoryCode)) return 'AKIMAT_OFFICER';
  throw forbidden('Only the helped person or an akimat officer of the territory confirms help');
}

/** Contact details leave only for an identity verified by digital signature (EDS), admins included. */
export function requireVerifiedIdentity(viewer: Viewer | null): Viewer {
  const v = requireViewer(viewer);
  if (!v.identityVerified) throw forbidden('Contact details are released only to an identity verified by digital signature (EDS)');
  return v;
}

/** The Zhomart committee: admins anywhere; a project office for scopes inside its region (not for the republic). */
export function zhomartCommitteeRole(viewer: Viewer, scope: string | null): 'ADMIN' | 'PROJECT_OFFICE' {
  if (isAdmin(viewer)) return 'ADMIN';
  if (scope && viewer.roles.includes(Role.PROJECT_OFFICE) && actsIn(viewer, kato().region(scope).code, Role.PROJECT_OFFICE)) return 'PROJECT_OFFICE';
  throw forbidden(
    scope
      ? `Only an admin or the project office of region ${kato().region(scope).code} confirms this winner`
      : 'Only an admin confirms republic-wide winners',
  );
}
