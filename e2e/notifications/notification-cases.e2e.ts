import { setTimeout as sleep } from 'node:timers/promises';
import { gql, startTestSystem, type TestSystem, testToken } from '@rz/test-support';

/**
 * The other subgraphs' notification cases through the whole system: a change in atameken, tarbie-bilim,
 * aqparat-tolqyny or project-office reaches the inbox of the person it concerns (through the outbox,
 * its relay and the intake), rendered in the language asked for, and no one else's.
 */
const ALMATY = '750000000';
const MEDEU = '751710000';
const BOSTANDYK = '751410000';
const ALMALY_DISTRICT = '751110000';

const INBOX = `{ myNotifications(first: 50) { nodes { kind about { type id } title(lang: RU) body(lang: EN) path } } }`;
interface InboxEntry {
  kind: string;
  about: { type: string; id: string };
  title: string;
  body: string;
  path: string;
}

describe('notification cases through the whole system', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  }, 180_000);
  afterAll(() => system?.close());

  async function ok(query: string, variables: Record<string, unknown>, token: string): Promise<any> {
    const res = await gql(system.gatewayUrl, query, variables, token);
    expect(res.errors).toBeUndefined();
    return res.data;
  }

  const inbox = async (token: string): Promise<InboxEntry[]> => (await ok(INBOX, {}, token)).myNotifications.nodes;

  /** The person's inbox once an entry about `id` has arrived (delivery is asynchronous), or as it stands after 60 s. */
  async function inboxWith(token: string, id: string): Promise<InboxEntry[]> {
    for (const deadline = Date.now() + 60_000; ; await sleep(200)) {
      const entries = await inbox(token);
      if (entries.some((e) => e.about.id === id) || Date.now() > deadline) return entries;
    }
  }

  it('an initiative: the patron hears the estimate is covered, the author that work started', async () => {
    const author = await testToken({ subject: 'e2e-notify-author', roles: ['citizen'] });
    const patron = await testToken({ subject: 'e2e-notify-patron', roles: ['patron'] });
    const officer = await testToken({ subject: 'e2e-notify-officer-almaty', roles: ['akimat_officer'], territory: ALMATY });
    const input = { kind: 'INFRASTRUCTURE', direction: 'SPORT', category: 'A', title: { ru: 'Площадка во дворе' }, territory: MEDEU, estimate: 1_000_000 };
    const id = (await ok(`mutation($input: ProposeInitiativeInput!) { proposeInitiative(input: $input) { id } }`, { input }, author)).proposeInitiative.id;
    await ok(`mutation($id: ID!) { recordInitiativeBudget(id: $id, amount: 600000, decision: "Решение акимата № 12") { id } }`, { id }, officer);
    await ok(`mutation($input: PledgeToInitiativeInput!) { pledgeToInitiative(input: $input) { id } }`, { input: { initiative: id, amount: 400_000 } }, patron);
    await ok(`mutation($id: ID!) { changeInitiativeStatus(id: $id, to: IN_PROGRESS) { id } }`, { id }, officer);

    const patronInbox = (await inboxWith(patron, id)).filter((e) => e.about.id === id);
    expect(patronInbox).toEqual([
      {
        kind: 'INITIATIVE_ESTIMATE_COVERED',
        about: { type: 'Initiative', id },
        title: 'Смета инициативы полностью покрыта',
        body: expect.stringMatching(/^Pledges and the budget now cover the initiative's estimate \(.+\), 1.000.000 tenge/),
        path: `/initiatives/${id}`,
      },
    ]);
    const authorInbox = (await inboxWith(author, id)).filter((e) => e.about.id === id);
    expect(authorInbox).toEqual([
      expect.objectContaining({ kind: 'INITIATIVE_STATUS_CHANGED', title: 'Ваша инициатива: одобрена, работа началась', path: `/initiatives/${id}` }),
    ]);
    // Each heard only what concerns them.
    expect((await inbox(officer)).filter((e) => e.about.id === id)).toEqual([]);
  });

  it('a registration: the student moved up from the waiting list is told, the one who cancelled is not', async () => {
    const editor = await testToken({ subject: 'e2e-notify-editor', roles: ['ministry_editor'], subprogramme: 'tarbie-bilim' });
    const first = await testToken({ subject: 'e2e-notify-student-1', roles: ['citizen'] });
    const second = await testToken({ subject: 'e2e-notify-student-2', roles: ['citizen'] });
    const event = {
      kind: 'EXCURSION',
      baseProject: 'OLKETANU',
      title: { kk: 'Көктөбеге экскурсия' },
      startsAt: '2030-05-10T04:00:00.000Z',
      endsAt: '2030-05-10T12:00:00.000Z',
      territory: MEDEU,
      capacity: 1,
      waitingList: true,
      organiser: 'Медеу ауданының білім бөлімі',
    };
    const eventId = (await ok(`mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`, { input: event }, editor)).createEvent.id;
    await ok(`mutation($id: ID!) { changeEventStatus(id: $id, to: REGISTRATION_OPEN) { id } }`, { id: eventId }, editor);
    const REGISTER = `mutation($eventId: ID!, $input: EventRegistrationInput!) { registerForEvent(eventId: $eventId, input: $input) { id status } }`;
    const student = { kind: 'STUDENT', grade: 8, school: '№ 12 гимназия', schoolTerritory: MEDEU };
    const placed = (await ok(REGISTER, { eventId, input: student }, first)).registerForEvent;
    expect((await ok(REGISTER, { eventId, input: student }, second)).registerForEvent.status).toBe('WAITING');
    await ok(`mutation($id: ID!) { cancelEventRegistration(id: $id) { id } }`, { id: placed.id }, first);

    const secondInbox = (await inboxWith(second, eventId)).filter((e) => e.about.id === eventId);
    expect(secondInbox).toEqual([
      {
        kind: 'REGISTRATION_CONFIRMED',
        about: { type: 'Event', id: eventId },
        title: 'Место подтверждено',
        body: expect.stringContaining('2030-05-10'),
        path: `/events/${eventId}`,
      },
    ]);
    expect((await inbox(first)).filter((e) => e.about.id === eventId)).toEqual([]);
  });

  it('a media plan returned with remarks: the officer who submitted it is told, without the remarks', async () => {
    const officer = await testToken({ subject: 'e2e-notify-officer-bostandyk', roles: ['akimat_officer'], territory: BOSTANDYK });
    const office = await testToken({ subject: 'e2e-notify-office-almaty', roles: ['project_office'], territory: ALMATY });
    const plan = (await ok(`mutation($input: CreateMediaPlanInput!) { createMediaPlan(input: $input) { id } }`, { input: { territory: BOSTANDYK, year: 2028, quarter: 2, submissionDeadline: '2028-03-25' } }, officer)).createMediaPlan.id;
    const item = { channel: 'TV', outlet: '«Хабар»', level: 'REPUBLICAN', format: 'Сюжет', plannedDate: '2028-05-10', language: 'KK' };
    await ok(`mutation($planId: ID!, $input: AddMediaPlanItemInput!) { addMediaPlanItem(planId: $planId, input: $input) { id } }`, { planId: plan, input: item }, officer);
    await ok(`mutation($id: ID!) { submitMediaPlan(id: $id) { id } }`, { id: plan }, officer);
    await ok(`mutation($id: ID!) { reviewMediaPlan(id: $id, approve: false, remarks: "Покажите результаты, а не совещания") { id } }`, { id: plan }, office);

    const entries = (await inboxWith(officer, plan)).filter((e) => e.about.id === plan);
    expect(entries).toEqual([
      {
        kind: 'MEDIA_PLAN_RETURNED',
        about: { type: 'MediaPlan', id: plan },
        title: 'Медиаплан возвращён',
        body: expect.stringContaining('Q2 2028'),
        path: `/media-plans/${plan}`,
      },
    ]);
    expect(JSON.stringify(entries)).not.toContain('совещания');
    expect((await inbox(office)).filter((e) => e.about.id === plan)).toEqual([]);
  });

  it('a district report returned: the officer who submitted it is told', async () => {
    const officer = await testToken({ subject: 'e2e-notify-officer-almaly', roles: ['akimat_officer'], territory: ALMALY_DISTRICT });
    const office = await testToken({ subject: 'e2e-notify-office-almaty', roles: ['project_office'], territory: ALMATY });
    // A past period (the fourth Friday of October 2026) the demo data has no report for.
    const periodEnd = '2026-10-23';
    const id = (await ok(`mutation($input: CreateDistrictReportInput!) { createDistrictReport(input: $input) { id } }`, { input: { territory: ALMALY_DISTRICT, periodEnd } }, officer)).createDistrictReport.id;
    await ok(`mutation($id: ID!, $input: DistrictReportNarrativeInput!) { updateDistrictReport(id: $id, input: $input) { id } }`, { id, input: { results: 'Ашылды 3 өлкетану үйірмесі' } }, officer);
    await ok(`mutation($id: ID!) { submitDistrictReport(id: $id) { id } }`, { id }, officer);
    await ok(`mutation($id: ID!) { reviewDistrictReport(id: $id, accept: false, remarks: "Добавьте охват") { id } }`, { id }, office);

    const entries = (await inboxWith(officer, id)).filter((e) => e.about.id === id);
    expect(entries).toEqual([expect.objectContaining({ kind: 'DISTRICT_REPORT_RETURNED', title: 'Отчёт возвращён', path: `/district-reports/${id}` })]);
  });
});
