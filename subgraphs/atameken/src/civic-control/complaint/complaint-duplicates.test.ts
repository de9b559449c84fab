import { createHash } from 'node:crypto';
import { distanceKm, signEvidenceId } from '@rz/schema';
import { gql, startTestSubgraph, type TestSubgraph, testEnv, testToken } from '@rz/test-support';
import { atameken } from '../../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
});
afterAll(() => subgraph?.close());

const ALMATY = '750000000';
const citizen = (subject = 'citizen-duplicates') => testToken({ subject, roles: ['citizen'] });
const officer = () => testToken({ subject: 'officer-almaty', roles: ['akimat_officer'], territory: ALMATY });

/** Metres north of a point, in degrees of latitude (1 degree = 111.195 km on the mean sphere). */
const north = (p: { lat: number; lon: number }, metres: number) => ({ lat: p.lat + metres / 111_195, lon: p.lon });

const FILE = `mutation($input: FileComplaintInput!) {
  fileComplaint(input: $input) { complaint { id } likelyDuplicates { id topic status location { lat lon } } }
}`;
const CHANGE = `mutation($id: ID!, $to: ComplaintStatus!, $duplicateOf: ID, $comment: String) {
  changeComplaintStatus(id: $id, to: $to, duplicateOf: $duplicateOf, comment: $comment) { id status isOpen duplicateOf { id status } history { from to comment } }
}`;

let n = 0;
async function file(location: { lat: number; lon: number } | null, topic = 'ECOLOGY', territory = ALMATY): Promise<{ complaint: { id: string }; likelyDuplicates: any[] }> {
  const evidence = [signEvidenceId(testEnv().evidenceSecret, createHash('sha256').update(`dup-${n++}`).digest('hex'), 'photo')];
  const res = await gql(
    subgraph.url,
    FILE,
    { input: { topic, text: 'Стихийная свалка у арыка, мусор не вывозят две недели.', territory, location, evidence } },
    await citizen(),
  );
  expect(res.errors).toBeUndefined();
  return res.data!.fileComplaint;
}

async function move(id: string, path: string[]) {
  const token = await officer();
  for (const to of path) {
    const res = await gql(subgraph.url, CHANGE, { id, to, comment: to === 'REJECTED' ? 'Не относится к ведению акимата.' : null }, token);
    expect(res.errors).toBeUndefined();
  }
}

describe('likely duplicates when filing', () => {
  it('offers open complaints on the same topic within 250 m, nearest first', async () => {
    const here = { lat: 43.3001, lon: 76.9001 };
    const far = await file(north(here, 260));
    const near = await file(north(here, 120));
    const edge = await file(north(here, 240));
    const otherTopic = await file(north(here, 10), 'ROADS');
    const resolved = await file(north(here, 50));
    await move(resolved.complaint.id, ['ACCEPTED', 'IN_PROGRESS', 'RESOLVED']);
    const rejected = await file(north(here, 60));
    await move(rejected.complaint.id, ['REJECTED']);
    const accepted = await file(north(here, 200));
    await move(accepted.complaint.id, ['ACCEPTED', 'IN_PROGRESS']);

    expect(distanceKm(here, north(here, 240))).toBeLessThan(0.25);
    expect(distanceKm(here, north(here, 260))).toBeGreaterThan(0.25);

    const filed = await file(here);
    expect(filed.likelyDuplicates.map((c) => c.id)).toEqual([near.complaint.id, accepted.complaint.id, edge.complaint.id]);
    expect(filed.likelyDuplicates.every((c) => c.topic === 'ECOLOGY' && ['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS'].includes(c.status))).toBe(true);
    for (const excluded of [far, otherTopic, resolved, rejected]) {
      expect(filed.likelyDuplicates.map((c) => c.id)).not.toContain(excluded.complaint.id);
    }
  });

  it('measures great-circle distance, so 250 m east at high latitude is not 250 m of longitude degrees', async () => {
    const here = { lat: 51.18, lon: 71.45 };
    // At 51 degrees north, 0.003 degrees of longitude are about 210 m; 0.0038 are about 266 m.
    const east210 = await file({ lat: here.lat, lon: here.lon + 0.003 }, 'PUBLIC_AMENITIES');
    const east266 = await file({ lat: here.lat, lon: here.lon + 0.0038 }, 'PUBLIC_AMENITIES');
    const filed = await file(here, 'PUBLIC_AMENITIES');
    expect(filed.likelyDuplicates.map((c) => c.id)).toEqual([east210.complaint.id]);
    expect(filed.likelyDuplicates.map((c) => c.id)).not.toContain(east266.complaint.id);
  });

  it('offers nothing for a complaint without a location', async () => {
    expect((await file(null, 'OTHER')).likelyDuplicates).toEqual([]);
  });
});

describe('marking a complaint as a duplicate', () => {
  it('points to the original and closes the complaint', async () => {
    const original = await file({ lat: 43.2, lon: 76.7 });
    const copy = await file({ lat: 43.2, lon: 76.7 });
    expect(copy.likelyDuplicates.map((c) => c.id)).toContain(original.complaint.id);
    const res = await gql(subgraph.url, CHANGE, { id: copy.complaint.id, to: 'DUPLICATE', duplicateOf: original.complaint.id }, await officer());
    expect(res.errors).toBeUndefined();
    expect(res.data!.changeComplaintStatus).toMatchObject({
      status: 'DUPLICATE',
      isOpen: false,
      duplicateOf: { id: original.complaint.id, status: 'SUBMITTED' },
      history: [{ from: null, to: 'SUBMITTED' }, { from: 'SUBMITTED', to: 'DUPLICATE' }],
    });
    const [{ events }] = await subgraph.db.query(`SELECT count(*)::int AS events FROM complaint_event WHERE complaint_id = $1`, [copy.complaint.id]);
    expect(events).toBe(2);
  });

  it('refuses a duplicate without an original, of itself, of a duplicate or of an unknown complaint, changing nothing', async () => {
    const original = await file({ lat: 43.21, lon: 76.71 });
    const first = await file({ lat: 43.21, lon: 76.71 });
    await gql(subgraph.url, CHANGE, { id: first.complaint.id, to: 'DUPLICATE', duplicateOf: original.complaint.id }, await officer());
    const { complaint } = await file({ lat: 43.21, lon: 76.71 });
    const cases: [string | null, string, string][] = [
      [null, 'BAD_USER_INPUT', 'duplicateOf'],
      [complaint.id, 'BAD_USER_INPUT', 'duplicateOf'],
      [first.complaint.id, 'BAD_USER_INPUT', 'duplicateOf'],
      ['019b7a00-0000-7000-8000-00000000dead', 'NOT_FOUND', 'duplicateOf'],
      ['not-a-uuid', 'NOT_FOUND', 'duplicateOf'],
    ];
    for (const [duplicateOf, code, field] of cases) {
      const res = await gql(subgraph.url, CHANGE, { id: complaint.id, to: 'DUPLICATE', duplicateOf }, await officer());
      expect(res.errors?.[0].extensions).toMatchObject({ code, field });
    }
    const pointing = await gql(subgraph.url, CHANGE, { id: complaint.id, to: 'DUPLICATE', duplicateOf: first.complaint.id }, await officer());
    expect(pointing.errors?.[0].extensions?.original).toBe(original.complaint.id);
    const other = await gql(subgraph.url, CHANGE, { id: complaint.id, to: 'ACCEPTED', duplicateOf: original.complaint.id }, await officer());
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'duplicateOf' });
    const after = await gql(subgraph.url, `query($id: ID!) { complaint(id: $id) { status duplicateOf { id } history { to } } }`, { id: complaint.id });
    expect(after.data!.complaint).toEqual({ status: 'SUBMITTED', duplicateOf: null, history: [{ to: 'SUBMITTED' }] });
  });

  it('refuses a duplicate once the complaint is in progress', async () => {
    const original = await file({ lat: 43.22, lon: 76.72 });
    const { complaint } = await file({ lat: 43.22, lon: 76.72 });
    await move(complaint.id, ['ACCEPTED', 'IN_PROGRESS']);
    const res = await gql(subgraph.url, CHANGE, { id: complaint.id, to: 'DUPLICATE', duplicateOf: original.complaint.id }, await officer());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'IN_PROGRESS', to: 'DUPLICATE' });
  });

  it('sends comments on a duplicate to its original', async () => {
    const original = await file({ lat: 43.23, lon: 76.73 });
    const { complaint } = await file({ lat: 43.23, lon: 76.73 });
    await gql(subgraph.url, CHANGE, { id: complaint.id, to: 'DUPLICATE', duplicateOf: original.complaint.id }, await officer());
    const res = await gql(
      subgraph.url,
      `mutation($c: ID!) { commentOnComplaint(input: { complaint: $c, text: "Та же проблема у соседнего дома" }) { id } }`,
      { c: complaint.id },
      await citizen('neighbour'),
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.complaint', duplicateOf: original.complaint.id });
  });
});

describe('what a complaint may duplicate', () => {
  it('refuses an original on another topic, in another territory and far away, or rejected, changing nothing', async () => {
    const here = { lat: 43.24, lon: 76.74 };
    const otherTopic = await file(here, 'ROADS');
    const elsewhere = await file({ lat: 43.35, lon: 76.95 }, 'ECOLOGY', '751710000');
    const rejected = await file(here);
    await move(rejected.complaint.id, ['REJECTED']);
    const { complaint } = await file(here);
    for (const original of [otherTopic, elsewhere, rejected]) {
      const res = await gql(subgraph.url, CHANGE, { id: complaint.id, to: 'DUPLICATE', duplicateOf: original.complaint.id }, await officer());
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'duplicateOf' });
    }
    const after = await gql(subgraph.url, `query($id: ID!) { complaint(id: $id) { status duplicateOf { id } } }`, { id: complaint.id });
    expect(after.data!.complaint).toEqual({ status: 'SUBMITTED', duplicateOf: null });
  });

  it('accepts a resolved original in the same territory, and one just across a territory border within 250 m', async () => {
    const here = { lat: 43.25, lon: 76.75 };
    const resolved = await file(null);
    await move(resolved.complaint.id, ['ACCEPTED', 'IN_PROGRESS', 'RESOLVED']);
    const { complaint } = await file(null);
    const same = await gql(subgraph.url, CHANGE, { id: complaint.id, to: 'DUPLICATE', duplicateOf: resolved.complaint.id }, await officer());
    expect(same.errors).toBeUndefined();
    const across = await file(north(here, 100), 'ECOLOGY', '751710000');
    const copy = await file(here);
    const near = await gql(subgraph.url, CHANGE, { id: copy.complaint.id, to: 'DUPLICATE', duplicateOf: across.complaint.id }, await officer());
    expect(near.errors).toBeUndefined();
  });
});

describe('undoing a wrong duplicate', () => {
  const UNDO = `mutation($id: ID!, $comment: String) { undoComplaintDuplicate(id: $id, comment: $comment) { id status isOpen duplicateOf { id } history { from to comment } } }`;

  it('returns the complaint to its status before, and its author can reopen it once resolved', async () => {
    const original = await file({ lat: 43.26, lon: 76.76 });
    const { complaint } = await file({ lat: 43.26, lon: 76.76 });
    await move(complaint.id, ['ACCEPTED']);
    await gql(subgraph.url, CHANGE, { id: complaint.id, to: 'DUPLICATE', duplicateOf: original.complaint.id }, await officer());
    const undone = await gql(subgraph.url, UNDO, { id: complaint.id, comment: 'Другой арык, другая свалка.' }, await officer());
    expect(undone.errors).toBeUndefined();
    expect(undone.data!.undoComplaintDuplicate).toMatchObject({ status: 'ACCEPTED', isOpen: true, duplicateOf: null });
    expect(undone.data!.undoComplaintDuplicate.history.slice(-2)).toEqual([
      { from: 'ACCEPTED', to: 'DUPLICATE', comment: null },
      { from: 'DUPLICATE', to: 'ACCEPTED', comment: 'Другой арык, другая свалка.' },
    ]);
    await move(complaint.id, ['IN_PROGRESS', 'RESOLVED']);
    const reopened = await gql(
      subgraph.url,
      `mutation($id: ID!) { reopenComplaint(id: $id, reason: "Свалку не убрали.") { status } }`,
      { id: complaint.id },
      await citizen(),
    );
    expect(reopened.errors).toBeUndefined();
    expect(reopened.data!.reopenComplaint.status).toBe('IN_PROGRESS');
  });

  it('refuses to undo what is not a duplicate, and officers of other territories', async () => {
    const original = await file({ lat: 43.27, lon: 76.77 });
    const { complaint } = await file({ lat: 43.27, lon: 76.77 });
    const notDuplicate = await gql(subgraph.url, UNDO, { id: complaint.id }, await officer());
    expect(notDuplicate.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'SUBMITTED' });
    await gql(subgraph.url, CHANGE, { id: complaint.id, to: 'DUPLICATE', duplicateOf: original.complaint.id }, await officer());
    const stranger = await testToken({ subject: 'officer-astana', roles: ['akimat_officer'], territory: '710000000' });
    expect((await gql(subgraph.url, UNDO, { id: complaint.id }, stranger)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const after = await gql(subgraph.url, `query($id: ID!) { complaint(id: $id) { status } }`, { id: complaint.id });
    expect(after.data!.complaint.status).toBe('DUPLICATE');
  });
});
