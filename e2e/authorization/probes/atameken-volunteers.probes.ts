import { gql, testToken } from '@rz/test-support';
import { ALMATY, unique, type ProbeSet } from '../role-table.probe';

const REGISTER_VOLUNTEER = `mutation($input: VolunteerProfileInput!) { registerVolunteer(input: $input) { id } }`;
const REGISTER_PERSON = `mutation($input: RegisterPersonInNeedInput!) { registerPersonInNeed(input: $input) { id } }`;
const RECORD_HELP = `mutation($input: RecordVolunteerHelpInput!) { recordVolunteerHelp(input: $input) { id } }`;
const REVIEW = `mutation($input: ReviewVolunteerInput!) { reviewVolunteer(input: $input) { id } }`;

const profile = (phone: string) => ({
  helpKinds: ['PHYSICAL_HELP', 'TRANSPORT'],
  availableDays: ['SAT'],
  availableFrom: '10:00',
  availableTo: '14:00',
  territory: ALMATY,
  hasCar: false,
  contact: { name: 'Ерікті', phone },
});
const OWNER_PROFILE = profile('+7 700 300 00 01');

/** Two days ago: within the year help may be recorded for, and never "in advance" whatever the time zone. */
const helpedOn = () => new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
const help = (personInNeed?: string) => ({ helpedOn: helpedOn(), peopleHelped: 2, helpKind: 'PHYSICAL_HELP', territory: ALMATY, ...(personInNeed ? { personInNeed } : {}) });

/**
 * Volunteers, people in need, help records, contact releases and their audit trail, Zhomart Zhurek awards.
 *
 * The `owner` viewer is a registered volunteer, put themselves on the map of people in need and
 * registered a second person. Volunteers who are none of the viewers (minted here) record the help
 * the owner received and are reviewed, so no viewer but the owner ever holds a volunteer profile.
 */
export const atamekenVolunteerProbes: ProbeSet = {
  subgraph: 'atameken',
  async fixtures({ must, gatewayUrl }) {
    // A person outside VIEWERS: signs in with their own token.
    const outsider = async (name: string) => {
      const token = await testToken({ subject: `role-table-volunteers-${name}-${unique()}`, roles: ['citizen'] });
      return async (query: string, variables: Record<string, unknown>) => {
        const r = await gql(gatewayUrl, query, variables, token);
        if (r.errors?.length) throw new Error(`fixture operation failed as ${name}: ${JSON.stringify(r.errors)}`);
        return r.data as any;
      };
    };
    const helper = await outsider('helper');
    const reviewed = await outsider('reviewed');
    const helperVolunteerId = (await helper(REGISTER_VOLUNTEER, { input: profile('+7 700 300 00 02') })).registerVolunteer.id;
    const reviewedVolunteerId = (await reviewed(REGISTER_VOLUNTEER, { input: profile('+7 700 300 00 03') })).registerVolunteer.id;

    const ownerVolunteerId = (await must(REGISTER_VOLUNTEER, { input: OWNER_PROFILE }, 'owner')).registerVolunteer.id;
    const person = (needs: string[], self: boolean) => ({ territory: ALMATY, needs, contact: { name: 'Көмек күтуші', phone: '+7 700 400 00 01' }, self });
    const helpedPersonId = (await must(REGISTER_PERSON, { input: person(['OTHER'], true) }, 'owner')).registerPersonInNeed.id;
    const closablePersonId = (await must(REGISTER_PERSON, { input: person(['TEACHING'], false) }, 'owner')).registerPersonInNeed.id;

    // Help the owner received: they (as the helped person), admins and Almaty officers decide on it.
    const confirmHelpId = (await helper(RECORD_HELP, { input: help(helpedPersonId) })).recordVolunteerHelp.id;
    const rejectHelpId = (await helper(RECORD_HELP, { input: help(helpedPersonId) })).recordVolunteerHelp.id;

    // Help the owner gave, rejected with a reason that only some viewers see.
    const noteHelpId = (await must(RECORD_HELP, { input: help() }, 'owner')).recordVolunteerHelp.id;
    await must(`mutation($id: ID!) { rejectVolunteerHelp(id: $id, reason: "Көмек көрсетілген күні іс-шара болмады") { id } }`, { id: noteHelpId });

    // Only the owner reviews this volunteer.
    await must(REVIEW, { input: { volunteer: reviewedVolunteerId, positive: true, text: 'Көмектескені үшін рахмет' } }, 'owner');

    return { helperVolunteerId, reviewedVolunteerId, ownerVolunteerId, helpedPersonId, closablePersonId, confirmHelpId, rejectHelpId };
  },
  probes: {
    registerVolunteer: {
      // Hours end before they start: allowed callers meet BAD_USER_INPUT, so no viewer joins the corps
      // (a profile would let them record help, which only the owner may).
      document: `mutation($input: VolunteerProfileInput!) { registerVolunteer(input: $input) { id } }`,
      variables: () => ({ input: { ...profile('+7 700 300 00 09'), availableFrom: '18:00', availableTo: '09:00' } }),
    },
    updateVolunteerProfile: {
      // The owner writes their profile unchanged; others have none and meet NOT_FOUND.
      document: `mutation($input: VolunteerProfileInput!) { updateVolunteerProfile(input: $input) { id } }`,
      variables: () => ({ input: OWNER_PROFILE }),
    },
    myVolunteerProfile: {
      document: `{ myVolunteerProfile { id helpKinds } }`,
      variables: () => ({}),
    },
    volunteerIsMe: {
      document: `query($id: ID!) { volunteer(id: $id) { id isMe } }`,
      variables: (f) => ({ id: f.ownerVolunteerId }),
      shows: (r) => (r.data as any)?.volunteer?.isMe === true,
    },
    volunteers: {
      document: `{ volunteers(first: 20, filter: { territory: "${ALMATY}" }) { nodes { id helpKinds availableDays hasCar territory { code } } } }`,
      variables: () => ({}),
    },
    revealVolunteerContact: {
      document: `mutation($id: ID!) { revealVolunteerContact(id: $id, reason: "Көмек сұрауды келісу үшін") { volunteerId name phone } }`,
      variables: (f) => ({ id: f.helperVolunteerId }),
    },
    registerPersonInNeed: {
      document: `mutation($input: RegisterPersonInNeedInput!) { registerPersonInNeed(input: $input) { id } }`,
      variables: () => ({ input: { territory: ALMATY, needs: ['CONSULTING'], contact: { name: `Кеңес күтуші ${unique()}`, phone: '+7 700 400 00 02' }, self: false } }),
    },
    closePersonInNeed: {
      // The first allowed caller (the Almaty officer) closes it; later allowed callers meet INVALID_TRANSITION.
      document: `mutation($id: ID!) { closePersonInNeed(id: $id) { id status } }`,
      variables: (f) => ({ id: f.closablePersonId }),
    },
    revealPersonInNeedContact: {
      document: `mutation($id: ID!) { revealPersonInNeedContact(id: $id, reason: "Көмек көрсету үшін байланысу") { personInNeedId name phone } }`,
      variables: (f) => ({ id: f.helpedPersonId }),
    },
    peopleInNeed: {
      document: `{ peopleInNeed(first: 20, filter: { territory: "${ALMATY}" }) { nodes { id needs status territory { code } } } }`,
      variables: () => ({}),
    },
    personInNeedIsMine: {
      // Only the owner's person needs OTHER in Almaty (the walk registers CONSULTING, the closable one TEACHING).
      document: `{ peopleInNeed(first: 100, filter: { territory: "${ALMATY}", need: OTHER, status: OPEN }) { nodes { id isMine } } }`,
      variables: () => ({}),
      shows: (r) => ((r.data as any)?.peopleInNeed?.nodes ?? []).some((n: any) => n.isMine === true),
    },
    recordVolunteerHelp: {
      // Each allowed call adds a PENDING record of the owner's; nobody else has a profile.
      document: `mutation($input: RecordVolunteerHelpInput!) { recordVolunteerHelp(input: $input) { id status } }`,
      variables: () => ({ input: help() }),
    },
    confirmVolunteerHelp: {
      // The first allowed caller (the Almaty officer) confirms it; later allowed callers meet INVALID_TRANSITION.
      document: `mutation($id: ID!) { confirmVolunteerHelp(id: $id) { id status } }`,
      variables: (f) => ({ id: f.confirmHelpId }),
    },
    rejectVolunteerHelp: {
      document: `mutation($id: ID!) { rejectVolunteerHelp(id: $id, reason: "Бұл күні көмек көрсетілмеді") { id status } }`,
      variables: (f) => ({ id: f.rejectHelpId }),
    },
    volunteerHelpDecisionNote: {
      document: `query($id: ID!) { volunteerHelpRecords(first: 20, filter: { volunteer: $id, status: REJECTED }) { nodes { id status decisionNote } } }`,
      variables: (f) => ({ id: f.ownerVolunteerId }),
      shows: (r) => ((r.data as any)?.volunteerHelpRecords?.nodes ?? []).some((n: any) => !!n.decisionNote),
    },
    reviewVolunteer: {
      // Each viewer's first review is written; the second meets CONFLICT (once per person).
      document: `mutation($input: ReviewVolunteerInput!) { reviewVolunteer(input: $input) { id } }`,
      variables: (f) => ({ input: { volunteer: f.helperVolunteerId, positive: true, text: 'Уақытында келді, рахмет' } }),
    },
    volunteerReviewIsMine: {
      document: `query($id: ID!) { volunteer(id: $id) { reviews(first: 20) { nodes { isMine } } } }`,
      variables: (f) => ({ id: f.reviewedVolunteerId }),
      shows: (r) => ((r.data as any)?.volunteer?.reviews?.nodes ?? []).some((n: any) => n.isMine === true),
    },
    confirmZhomartWinner: {
      // The first allowed caller (the Almaty project office) names the winner; later ones meet CONFLICT.
      document: `mutation($input: ConfirmZhomartWinnerInput!) { confirmZhomartWinner(input: $input) { id } }`,
      variables: () => ({ input: { nomination: 'BEST_NGO', territory: ALMATY, period: 'YEAR', day: '2024-06-01', nomineeName: 'Алматы еріктілер орталығы' } }),
    },
    personalDataReleases: {
      document: `{ personalDataReleases(first: 5) { nodes { id recordKind reason } } }`,
      variables: () => ({}),
    },
  },
};
