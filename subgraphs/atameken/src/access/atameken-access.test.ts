import { kato } from '@rz/schema';
import { refusal } from '@rz/test-support';
import { Role, type Viewer } from '@rz/subgraph-runtime';
import {
  actsForAkimat,
  commentsAsAkimat,
  decidesHelpAs,
  isOfficerIn,
  mayCancelPledge,
  mayClosePersonInNeed,
  mayPledge,
  mayPledgeForOrganisation,
  mayProposeForOrganisation,
  mayRateInitiatives,
  mayReportProgress,
  maySeeComplaintEvidence,
  mayWithdrawInitiative,
  moderatesInitiatives,
  readsHelpDecisionNote,
  requireAdmin,
  requireHandlesComplaint,
  requireModeratesInitiatives,
  requireVerifiedIdentity,
  zhomartCommitteeRole,
} from './atameken-access';

const ALMATY = '750000000';
const ALMATY_DISTRICT = '751710000';
const TURKISTAN = '610000000';
const TURKISTAN_DISTRICT = kato().children(TURKISTAN)[0].code;

const viewer = (roles: Role[], territory: string | null = null, extra: Partial<Viewer> = {}): Viewer => ({
  subject: 'someone',
  roles,
  territory,
  subprogramme: null,
  identityVerified: false,
  ...extra,
});

const admin = viewer([Role.ADMIN]);
const cityOfficer = viewer([Role.AKIMAT_OFFICER], ALMATY);
const districtOfficer = viewer([Role.AKIMAT_OFFICER], ALMATY_DISTRICT);
const editor = viewer([Role.MINISTRY_EDITOR], null, { subprogramme: 'atameken' });
const almatyOffice = viewer([Role.PROJECT_OFFICE], ALMATY);
const citizen = viewer([Role.CITIZEN], ALMATY);
const author = viewer([Role.CITIZEN], null, { subject: 'author' });

describe('atameken access', () => {
  it('has the akimat of a territory be its officers and admins, never the ministry\'s editors or the project office', () => {
    expect(actsForAkimat(admin, TURKISTAN_DISTRICT)).toBe(true);
    expect(actsForAkimat(cityOfficer, ALMATY_DISTRICT)).toBe(true);
    expect(actsForAkimat(districtOfficer, ALMATY)).toBe(false);
    for (const v of [editor, almatyOffice, citizen, null]) expect(actsForAkimat(v, ALMATY)).toBe(false);
  });

  it('counts an officer as the akimat on the record only inside their own scope, admin rights aside', () => {
    const adminOfficer = viewer([Role.ADMIN, Role.AKIMAT_OFFICER], ALMATY_DISTRICT);
    expect(isOfficerIn(cityOfficer, ALMATY_DISTRICT)).toBe(true);
    expect(isOfficerIn(admin, ALMATY)).toBe(false);
    expect(isOfficerIn(adminOfficer, ALMATY)).toBe(false);
    // A comment, though, is the akimat's whenever an officer acts for the territory.
    expect(commentsAsAkimat(adminOfficer, ALMATY)).toBe(true);
    expect(commentsAsAkimat(admin, ALMATY)).toBe(false);
    expect(commentsAsAkimat(districtOfficer, ALMATY)).toBe(false);
  });

  it('lets the akimat of a complaint\'s territory handle it, refusing everyone else by territory', () => {
    expect(requireHandlesComplaint(cityOfficer, { territoryCode: ALMATY_DISTRICT })).toBe(cityOfficer);
    const refused = refusal(() => requireHandlesComplaint(districtOfficer, { territoryCode: ALMATY }));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', details: { territoryCode: ALMATY } });
    expect(refusal(() => requireHandlesComplaint(null, { territoryCode: ALMATY }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('shows complaint evidence to its author and the akimat of its territory', () => {
    const complaint = { authorSubject: 'author', territoryCode: ALMATY };
    expect([author, admin, cityOfficer].map((v) => maySeeComplaintEvidence(v, complaint))).toEqual([true, true, true]);
    expect([districtOfficer, editor, citizen, null].map((v) => maySeeComplaintEvidence(v, complaint))).toEqual([false, false, false, false]);
  });

  it('refuses admin-only operations to everyone else, naming what was refused', () => {
    expect(requireAdmin(admin, 'set complaint deadlines')).toBe(admin);
    expect(refusal(() => requireAdmin(cityOfficer, 'set complaint deadlines'))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only admins set complaint deadlines',
    });
    expect(refusal(() => requireAdmin(null, 'set complaint deadlines'))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('has the akimat moderate initiatives; the author withdraws and reports progress', () => {
    const initiative = { authorSubject: 'author', territoryCode: ALMATY };
    expect(moderatesInitiatives(cityOfficer, ALMATY)).toBe(true);
    expect(moderatesInitiatives(editor, ALMATY)).toBe(false);
    expect(refusal(() => requireModeratesInitiatives(districtOfficer, ALMATY))).toMatchObject({ code: 'FORBIDDEN', details: { territoryCode: ALMATY } });
    expect([author, admin, cityOfficer].map((v) => mayWithdrawInitiative(v, initiative))).toEqual([true, true, false]);
    expect([author, admin, cityOfficer, districtOfficer].map((v) => mayReportProgress(v, initiative))).toEqual([true, true, true, false]);
  });

  it('takes pledges and ratings from residents only, and organisations\' pledges from patron and NGO accounts', () => {
    const ngo = viewer([Role.NGO]);
    const patron = viewer([Role.CITIZEN, Role.PATRON]);
    const volunteer = viewer([Role.VOLUNTEER]);
    expect([citizen, volunteer, patron, ngo, admin, cityOfficer].map(mayPledge)).toEqual([true, true, true, true, false, false]);
    expect([citizen, volunteer, patron, ngo, admin].map(mayPledgeForOrganisation)).toEqual([false, false, true, true, false]);
    expect([ngo, patron, admin].map(mayProposeForOrganisation)).toEqual([true, false, false]);
    expect([citizen, volunteer, patron, ngo, admin, almatyOffice].map(mayRateInitiatives)).toEqual([true, true, true, false, false, false]);
    expect([author, admin, citizen].map((v) => mayCancelPledge(v, { pledgerSubject: 'author' }))).toEqual([true, true, false]);
  });

  it('lets the person, whoever registered them and the akimat of the territory close a person in need', () => {
    const person = { subject: null, registeredBySubject: 'author', territoryCode: ALMATY };
    expect([author, admin, cityOfficer].map((v) => mayClosePersonInNeed(v, person))).toEqual([true, true, true]);
    expect([districtOfficer, citizen, editor].map((v) => mayClosePersonInNeed(v, person))).toEqual([false, false, false]);
    expect(mayClosePersonInNeed(viewer([Role.CITIZEN], null, { subject: 'helped' }), { ...person, subject: 'helped' })).toBe(true);
  });

  it('decides volunteer help as the helped person, an admin or the akimat; never as the volunteer', () => {
    const help = { volunteerSubject: 'volunteer', helpedSubject: 'author', territoryCode: ALMATY };
    expect(decidesHelpAs(author, help)).toBe('HELPED_PERSON');
    expect(decidesHelpAs(admin, help)).toBe('ADMIN');
    expect(decidesHelpAs(cityOfficer, help)).toBe('AKIMAT_OFFICER');
    expect(refusal(() => decidesHelpAs(viewer([Role.ADMIN], null, { subject: 'volunteer' }), help))?.message).toBe('A volunteer does not confirm their own help');
    for (const v of [districtOfficer, citizen]) expect(refusal(() => decidesHelpAs(v, help))).toMatchObject({ code: 'FORBIDDEN' });
    const record = { decidedBySubject: 'someone-else', territoryCode: ALMATY };
    expect([admin, cityOfficer, districtOfficer].map((v) => readsHelpDecisionNote(v, record))).toEqual([true, true, false]);
  });

  it('releases contact details only to a verified identity, admins included', () => {
    const verified = viewer([Role.CITIZEN], null, { identityVerified: true });
    expect(requireVerifiedIdentity(verified)).toBe(verified);
    expect(refusal(() => requireVerifiedIdentity(admin))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('has admins confirm any Zhomart winner, a project office those inside its region', () => {
    expect(zhomartCommitteeRole(admin, null)).toBe('ADMIN');
    expect(zhomartCommitteeRole(almatyOffice, ALMATY_DISTRICT)).toBe('PROJECT_OFFICE');
    expect(refusal(() => zhomartCommitteeRole(almatyOffice, null))?.message).toBe('Only an admin confirms republic-wide winners');
    expect(refusal(() => zhomartCommitteeRole(almatyOffice, TURKISTAN_DISTRICT))?.message).toBe(
      `Only an admin or the project office of region ${TURKISTAN} confirms this winner`,
    );
    expect(refusal(() => zhomartCommitteeRole(cityOfficer, ALMATY))).toMatchObject({ code: 'FORBIDDEN' });
  });
});
