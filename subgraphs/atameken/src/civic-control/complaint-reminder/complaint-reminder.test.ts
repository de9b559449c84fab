import { setTimeout as sleep } from 'node:timers/promises';
import { createHash } from 'node:crypto';
import { signEvidenceId } from '@rz/schema';
import { createLogger } from '@rz/service-kit';
import { gql, outboxNotifications, startTestSubgraph, type TestSubgraph, testEnv, testToken } from '@rz/test-support';
import { atameken } from '../../subgraph';
import { ComplaintReminderScheduler } from './complaint-reminder.scheduler';

let subgraph: TestSubgraph;
const MEDEU = '751710000';
const OFFICER = 'officer-medeu-reminders';
const ACCEPTING = 'officer-medeu-accepting';

/** Tuesday 8 December 2026, 10:00 in Kazakhstan (UTC+5): a working day, next one Wednesday the 9th. */
const TUESDAY = new Date('2026-12-08T05:00:00Z');
const WEDNESDAY = new Date('2026-12-09T05:00:00Z');

const complaints: Record<'dueTomorrow' | 'overdue' | 'later' | 'closed' | 'accepted', string> = {} as never;

beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
  const admin = await testToken({ subject: 'admin-1', roles: ['admin'] });
  for (const officerSubject of [OFFICER, ACCEPTING]) {
    const res = await gql(subgraph.url, `mutation($input: AssignAkimatOfficerInput!) { assignAkimatOfficer(input: $input) { id } }`, { input: { officerSubject, territory: MEDEU } }, admin);
    expect(res.errors).toBeUndefined();
  }
  const citizen = await testToken({ subject: 'citizen-reminders', roles: ['citizen'] });
  let n = 0;
  for (const name of Object.keys({ dueTomorrow: 1, overdue: 1, later: 1, closed: 1, accepted: 1 }) as (keyof typeof complaints)[]) {
    const evidence = [signEvidenceId(testEnv().evidenceSecret, createHash('sha256').update(`reminder-${n++}`).digest('hex'), 'photo')];
    const res = await gql(
      subgraph.url,
      `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } } }`,
      { input: { topic: 'ROADS', text: 'Разбитый тротуар у остановки, люди идут по проезжей части.', territory: MEDEU, evidence } },
      citizen,
    );
    expect(res.errors).toBeUndefined();
    complaints[name] = res.data!.fileComplaint.complaint.id;
  }
  // Due days as they would stand after weeks of work; the akimat's own answers come through the API.
  const due = { dueTomorrow: '2026-12-09', overdue: '2026-12-01', later: '2026-12-21', closed: '2026-11-30', accepted: '2026-12-09' };
  for (const [name, day] of Object.entries(due)) await subgraph.db.query(`UPDATE complaint SET due_on = $2 WHERE id = $1`, [complaints[name as keyof typeof complaints], day]);
  const change = `mutation($id: ID!, $to: ComplaintStatus!, $comment: String) { changeComplaintStatus(id: $id, to: $to, comment: $comment) { id } }`;
  const officer = (subject: string) => testToken({ subject, roles: ['akimat_officer'], territory: MEDEU });
  expect((await gql(subgraph.url, change, { id: complaints.closed, to: 'REJECTED', comment: 'Не в ведении акимата' }, await officer(OFFICER))).errors).toBeUndefined();
  expect((await gql(subgraph.url, change, { id: complaints.accepted, to: 'ACCEPTED' }, await officer(ACCEPTING))).errors).toBeUndefined();
});
afterAll(() => subgraph?.close());

const logger = createLogger('atameken', 'silent');
const scheduler = () => new ComplaintReminderScheduler(subgraph.db, logger, { hour: 9 });

async function reminders() {
  const ours = new Set(Object.values(complaints));
  const events = [...(await outboxNotifications(subgraph, { kind: 'COMPLAINT_DUE_TOMORROW' })), ...(await outboxNotifications(subgraph, { kind: 'COMPLAINT_OVERDUE' }))];
  return events.filter((e) => ours.has(e.about.id));
}

it('does nothing before the configured hour of the Kazakhstan day, nor on a day off', async () => {
  expect(await scheduler().tick(new Date('2026-12-08T03:59:00Z'))).toBe('not-yet');
  expect(await scheduler().tick(new Date('2026-12-12T05:00:00Z'))).toEqual({ outcome: 'day-off', day: '2026-12-12' });
  expect(await reminders()).toEqual([]);
});

it('two replicas at once remind each responsible officer once: due by the next working day, and overdue', async () => {
  const runs = await Promise.all([scheduler().tick(TUESDAY), scheduler().tick(TUESDAY)]);
  expect(runs.filter((r) => r !== 'not-yet' && r.outcome === 'sent')).toEqual([{ outcome: 'sent', day: '2026-12-08', dueTomorrow: 3, overdue: 2 }]);

  const got = (await reminders()).map((e) => [e.kind, e.about.id, e.recipientSubject, e.dedupeKey, e.params]);
  const expected = [
    ['COMPLAINT_DUE_TOMORROW', complaints.dueTomorrow, OFFICER, `complaint-due:${complaints.dueTomorrow}:${OFFICER}:2026-12-08`, { complaintId: complaints.dueTomorrow, topic: 'ROADS', territoryCode: MEDEU, dueOn: '2026-12-09' }],
    ['COMPLAINT_DUE_TOMORROW', complaints.dueTomorrow, ACCEPTING, `complaint-due:${complaints.dueTomorrow}:${ACCEPTING}:2026-12-08`, { complaintId: complaints.dueTomorrow, topic: 'ROADS', territoryCode: MEDEU, dueOn: '2026-12-09' }],
    // Accepted: only the officer who took it.
    ['COMPLAINT_DUE_TOMORROW', complaints.accepted, ACCEPTING, `complaint-due:${complaints.accepted}:${ACCEPTING}:2026-12-08`, { complaintId: complaints.accepted, topic: 'ROADS', territoryCode: MEDEU, dueOn: '2026-12-09' }],
    ['COMPLAINT_OVERDUE', complaints.overdue, OFFICER, `complaint-overdue:${complaints.overdue}:${OFFICER}:2026-12-08`, { complaintId: complaints.overdue, topic: 'ROADS', territoryCode: MEDEU, dueOn: '2026-12-01', daysOverdue: 7 }],
    ['COMPLAINT_OVERDUE', complaints.overdue, ACCEPTING, `complaint-overdue:${complaints.overdue}:${ACCEPTING}:2026-12-08`, { complaintId: complaints.overdue, topic: 'ROADS', territoryCode: MEDEU, dueOn: '2026-12-01', daysOverdue: 7 }],
  ];
  expect(got).toEqual(expect.arrayContaining(expected));
  expect(got).toHaveLength(expected.length);
});

it('a later run the same day, on any replica, sends nothing more', async () => {
  expect(await scheduler().tick(new Date('2026-12-08T11:00:00Z'))).toEqual({ outcome: 'done', day: '2026-12-08' });
  expect(await reminders()).toHaveLength(5);
});

it('the next day reminds again of what is still open', async () => {
  expect(await scheduler().tick(WEDNESDAY)).toEqual({ outcome: 'sent', day: '2026-12-09', dueTomorrow: 0, overdue: 2 });
  const next = (await reminders()).filter((e) => e.dedupeKey.endsWith(':2026-12-09'));
  expect(next.map((e) => [e.kind, e.about.id, e.recipientSubject, e.params.daysOverdue])).toEqual([
    ['COMPLAINT_OVERDUE', complaints.overdue, ACCEPTING, 8],
    ['COMPLAINT_OVERDUE', complaints.overdue, OFFICER, 8],
  ]);
});

it('a started scheduler checks by itself, sends when the hour has come, and stops', async () => {
  let now = new Date('2026-12-10T03:00:00Z'); // Thursday, 08:00 in Kazakhstan
  const started = new ComplaintReminderScheduler(subgraph.db, logger, { hour: 9, now: () => now, checkEveryMs: 20 });
  const ran = async () => (await subgraph.db.query(`SELECT count(*)::int AS n FROM complaint_reminder_run WHERE day = '2026-12-10'`))[0].n;
  started.start();
  try {
    await sleep(200);
    expect(await ran()).toBe(0);
    now = new Date('2026-12-10T04:00:00Z'); // 09:00
    for (const deadline = Date.now() + 10_000; (await ran()) === 0 && Date.now() < deadline; ) await sleep(20);
  } finally {
    await started.stop();
  }
  expect(await ran()).toBe(1);
  // Those due on Wednesday are overdue by Thursday.
  const thursday = (await reminders()).filter((e) => e.dedupeKey.endsWith(':2026-12-10'));
  expect(thursday.map((e) => [e.kind, e.about.id, e.recipientSubject])).toEqual(
    expect.arrayContaining([
      ['COMPLAINT_OVERDUE', complaints.overdue, OFFICER],
      ['COMPLAINT_OVERDUE', complaints.overdue, ACCEPTING],
      ['COMPLAINT_OVERDUE', complaints.dueTomorrow, OFFICER],
      ['COMPLAINT_OVERDUE', complaints.dueTomorrow, ACCEPTING],
      ['COMPLAINT_OVERDUE', complaints.accepted, ACCEPTING],
    ]),
  );
  expect(thursday).toHaveLength(5);
});
