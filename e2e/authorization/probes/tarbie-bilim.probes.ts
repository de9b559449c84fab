import { ALMATY, later, unique, VIEWERS, type ProbeSet } from '../role-table.probe';

const eventInput = (kind = 'CONFERENCE') => ({
  kind,
  baseProject: 'OLKETANU',
  title: { kk: `Өлкетану ${kind === 'OLYMPIAD' ? 'олимпиадасы' : 'конференциясы'} ${unique()}` },
  startsAt: later(30),
  endsAt: later(31),
  territory: ALMATY,
  organiser: 'Алматы қаласының білім басқармасы',
});

const materialInput = () => ({ kind: 'ARTICLE', title: `Алматы тарихы ${unique()}`, language: 'KK', territory: ALMATY, url: 'https://example.kz/olketanu' });

const CREATE_EVENT = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`;
const CHANGE_STATUS = `mutation($id: ID!, $to: EventStatus!) { changeEventStatus(id: $id, to: $to) { id } }`;
const CREATE_MATERIAL = `mutation($input: CreateLocalHistoryMaterialInput!) { createLocalHistoryMaterial(input: $input) { id } }`;

/** Every viewer calls every probe twice (gateway, then subgraph): deletions need a fresh record per call. */
const CALLS_PER_ROW = VIEWERS.length * 2;
let deletions = 0;

export const tarbieBilimProbes: ProbeSet = {
  subgraph: 'tarbie-bilim',
  async fixtures({ must }) {
    // A PLANNED conference: registration is closed and PLANNED -> ONGOING is never allowed, so probes on it change nothing.
    const event = await must(CREATE_EVENT, { input: eventInput() });
    const club = await must(
      `mutation($input: CreateLocalHistoryClubInput!) { createLocalHistoryClub(input: $input) { id } }`,
      { input: { name: `Өлкетану үйірмесі ${unique()}`, school: '№ 12 мектеп-гимназия', territory: ALMATY, leader: 'Үйірме жетекшісі' } },
    );
    const material = await must(CREATE_MATERIAL, { input: materialInput() });
    const doomed: string[] = [];
    for (let i = 0; i < CALLS_PER_ROW; i += 1) doomed.push((await must(CREATE_MATERIAL, { input: materialInput() })).createLocalHistoryMaterial.id);

    // A completed olympiad where the owner took first place: its registrations can no longer change.
    const olympiadId = (await must(CREATE_EVENT, { input: eventInput('OLYMPIAD') })).createEvent.id;
    await must(CHANGE_STATUS, { id: olympiadId, to: 'REGISTRATION_OPEN' });
    const registration = await must(
      `mutation($eventId: ID!, $input: EventRegistrationInput!) { registerForEvent(eventId: $eventId, input: $input) { id } }`,
      { eventId: olympiadId, input: { kind: 'STUDENT', grade: 10, school: '№ 12 мектеп-гимназия', schoolTerritory: ALMATY } },
      'owner',
    );
    const registrationId = registration.registerForEvent.id;
    await must(CHANGE_STATUS, { id: olympiadId, to: 'ONGOING' });
    await must(CHANGE_STATUS, { id: olympiadId, to: 'COMPLETED' });
    await must(`mutation($eventId: ID!, $results: [EventResultInput!]!) { recordEventResults(eventId: $eventId, results: $results) { id } }`, {
      eventId: olympiadId,
      results: [{ registration: registrationId, placing: 1, award: 'I дәрежелі диплом' }],
    });

    return {
      eventId: event.createEvent.id,
      clubId: club.createLocalHistoryClub.id,
      materialId: material.createLocalHistoryMaterial.id,
      doomedMaterialIds: doomed.join(','),
      olympiadId,
      registrationId,
    };
  },
  probes: {
    createEvent: {
      document: CREATE_EVENT,
      variables: () => ({ input: eventInput() }),
    },
    updateEvent: {
      document: `mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }`,
      variables: (f) => ({ id: f.eventId, input: { venue: 'Алматы, Абай даңғылы' } }),
    },
    changeEventStatus: {
      // PLANNED -> ONGOING is never allowed, so an allowed caller meets INVALID_TRANSITION and the event stays as it is.
      document: `mutation($id: ID!) { changeEventStatus(id: $id, to: ONGOING) { id } }`,
      variables: (f) => ({ id: f.eventId }),
    },
    createLocalHistoryClub: {
      document: `mutation($input: CreateLocalHistoryClubInput!) { createLocalHistoryClub(input: $input) { id } }`,
      variables: () => ({ input: { name: `Өлкетану үйірмесі ${unique()}`, school: '№ 12 мектеп-гимназия', territory: ALMATY, leader: 'Үйірме жетекшісі' } }),
    },
    updateLocalHistoryClub: {
      // The same leader every time: repeated calls leave the club as it was.
      document: `mutation($id: ID!, $input: UpdateLocalHistoryClubInput!) { updateLocalHistoryClub(id: $id, input: $input) { id } }`,
      variables: (f) => ({ id: f.clubId, input: { leader: 'Үйірме жетекшісі' } }),
    },
    setLocalHistoryClubMembers: {
      document: `mutation($input: LocalHistoryClubMembersInput!) { setLocalHistoryClubMembers(input: $input) { id } }`,
      variables: (f) => ({ input: { club: f.clubId, schoolYear: 2024, members: 25 } }),
    },
    setSchoolEnrolment: {
      document: `mutation($input: SchoolEnrolmentInput!) { setSchoolEnrolment(input: $input) { students } }`,
      variables: () => ({ input: { territory: ALMATY, schoolYear: 2024, students: 250000 } }),
    },
    createLocalHistoryMaterial: {
      // No link and no file: an allowed caller meets BAD_USER_INPUT after the scope check, and nothing is written.
      document: CREATE_MATERIAL,
      variables: () => ({ input: { kind: 'ARTICLE', title: `Алматы тарихы ${unique()}`, language: 'KK', territory: ALMATY } }),
    },
    updateLocalHistoryMaterial: {
      document: `mutation($id: ID!, $input: UpdateLocalHistoryMaterialInput!) { updateLocalHistoryMaterial(id: $id, input: $input) { id } }`,
      variables: (f) => ({ id: f.materialId, input: { description: 'Алматы қаласының тарихы туралы мақала' } }),
    },
    deleteLocalHistoryMaterial: {
      // A fresh material per call, so a denied caller never meets one an allowed caller already deleted.
      document: `mutation($id: ID!) { deleteLocalHistoryMaterial(id: $id) }`,
      variables: (f) => {
        const ids = f.doomedMaterialIds.split(',');
        return { id: ids[deletions++ % ids.length] };
      },
    },
    registerForEvent: {
      // The event is PLANNED: a signed-in caller meets CONFLICT (REGISTRATION_CLOSED) and no registration is written.
      document: `mutation($eventId: ID!, $input: EventRegistrationInput!) { registerForEvent(eventId: $eventId, input: $input) { id } }`,
      variables: (f) => ({ eventId: f.eventId, input: { kind: 'STUDENT', grade: 9, school: '№ 12 мектеп-гимназия', schoolTerritory: ALMATY } }),
    },
    cancelEventRegistration: {
      // The owner's registration for a COMPLETED olympiad: an allowed caller meets CONFLICT (EVENT_CLOSED), the registration stays.
      document: `mutation($id: ID!) { cancelEventRegistration(id: $id) { id } }`,
      variables: (f) => ({ id: f.registrationId }),
    },
    recordEventResults: {
      // A conference ranks nobody: an allowed caller meets BAD_USER_INPUT after the scope check.
      document: `mutation($eventId: ID!) { recordEventResults(eventId: $eventId, results: []) { id } }`,
      variables: (f) => ({ eventId: f.eventId }),
    },
    eventRegistrations: {
      document: `query($eventId: ID!) { eventRegistrations(eventId: $eventId, first: 5) { nodes { id } } }`,
      variables: (f) => ({ eventId: f.eventId }),
    },
    myRegistrations: {
      document: `query { myRegistrations(first: 5) { nodes { id grade school } } }`,
      variables: () => ({}),
    },
    eventMyRegistration: {
      document: `query($id: ID!) { event(id: $id) { id myRegistration { id grade school } } }`,
      variables: (f) => ({ id: f.olympiadId }),
      shows: (r) => !!(r.data as any)?.event?.myRegistration,
    },
    eventResultRegistration: {
      document: `query($id: ID!) { event(id: $id) { id results { placing award registration { id grade school } } } }`,
      variables: (f) => ({ id: f.olympiadId }),
      // The placing itself stays public; only who achieved it is withheld.
      shows: (r) => {
        const results = (r.data as any)?.event?.results ?? [];
        return results.length > 0 && results.every((x: any) => !!x.registration);
      },
    },
  },
};
