import { NOTIFICATION_LANGUAGES, type NotificationKind, type NotificationParams } from '@rz/contract';
import { renderNotification } from './templates';

const ID = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const MEDEU = '751710000';

/** Parameters as each producer writes them (see the producers' tests), and the page each opens. */
const CASES: [NotificationKind, NotificationParams, string][] = [
  ['COMPLAINT_ASSIGNED', { complaintId: ID, topic: 'PUBLIC_AMENITIES', territoryCode: MEDEU, dueOn: '2026-12-24' }, `/complaints/${ID}`],
  ['COMPLAINT_DUE_TOMORROW', { complaintId: ID, topic: 'ROADS', territoryCode: MEDEU, dueOn: '2026-12-09' }, `/complaints/${ID}`],
  ['COMPLAINT_OVERDUE', { complaintId: ID, topic: 'ROADS', territoryCode: MEDEU, dueOn: '2026-12-01', daysOverdue: 7 }, `/complaints/${ID}`],
  ['INITIATIVE_STATUS_CHANGED', { initiativeId: ID, status: 'IN_PROGRESS', territoryCode: MEDEU }, `/initiatives/${ID}`],
  ['INITIATIVE_ESTIMATE_COVERED', { initiativeId: ID, estimate: 1_000_000, territoryCode: MEDEU }, `/initiatives/${ID}`],
  ['REGISTRATION_CONFIRMED', { eventId: ID, registrationId: ID, startsAt: '2030-05-10T04:00:00.000Z', territoryCode: MEDEU }, `/events/${ID}`],
  ['MEDIA_PLAN_RETURNED', { mediaPlanId: ID, territoryCode: '751410000', year: 2027, quarter: 1, submissionDeadline: '2026-12-25' }, `/media-plans/${ID}`],
  ['DISTRICT_REPORT_RETURNED', { reportId: ID, territoryCode: '751110000', periodStart: '2026-10-24', periodEnd: '2026-11-13' }, `/district-reports/${ID}`],
  ['FACE_STATUS_CHANGED', { faceId: ID, status: 'SELECTED', name: 'Ерболат Сарыбаев', territoryCode: '316200000' }, `/faces/${ID}`],
  ['VOLUNTEER_REVIEWED', { volunteerId: ID, positive: true }, `/volunteers/${ID}`],
];

describe.each(CASES)('%s', (kind, params, path) => {
  it('renders in Kazakh, Russian and English, with names instead of codes, and links to its page', () => {
    const rendered = NOTIFICATION_LANGUAGES.map((lang) => renderNotification(kind, params, lang));
    for (const { title, body, path: link } of rendered) {
      expect(link).toBe(path);
      expect(title.length).toBeGreaterThan(3);
      expect(body.length).toBeGreaterThan(10);
      expect(`${title} ${body}`).not.toMatch(/undefined|null|NaN|[A-Z]{2,}_[A-Z]/);
    }
    expect(new Set(rendered.map((r) => r.body)).size).toBe(3);
  });
});

it('names the place, the day and the amount where a kind has them', () => {
  expect(renderNotification('COMPLAINT_OVERDUE', CASES[2][1], 'ru').body).toBe(
    'Срок решения обращения по теме «дороги» (Медеуский район) истёк 2026-12-01; просрочено на 7 дн.',
  );
  expect(renderNotification('REGISTRATION_CONFIRMED', CASES[5][1], 'en').body).toContain('2030-05-10');
  expect(renderNotification('INITIATIVE_ESTIMATE_COVERED', CASES[4][1], 'kk').body).toMatch(/1\s000\s000 теңге/);
  expect(renderNotification('MEDIA_PLAN_RETURNED', CASES[6][1], 'en').body).toContain('Q1 2027');
});
