import { kato } from '@rz/schema';
import { COMPLAINT_TRANSITIONS, generateComplaints, REOPEN_WINDOW_MS, RESOLVED, type ScaleComplaint } from './complaints.scale';
import { generateEvents, generateRegistrations } from './events.scale';
import { generateInitiatives } from './initiatives.scale';
import { generateMedia } from './media.scale';
import { generateMonuments, generateQrScans } from './monuments.scale';
import { idTime, isScaleId } from './scale-id';
import { DAY, kzDay } from './scale-time';
import { DEFAULT_SCALE, scaleContext, type Row, type ScaleOptions } from './scale-options';

const SMALL: ScaleOptions = {
  ...DEFAULT_SCALE,
  complaints: 3_000,
  initiatives: 300,
  monuments: 400,
  qrScans: 2_000,
  events: 400,
  registrations: 4_000,
  mediaPlans: 120,
  faces: 150,
};
const STAFFED = new Map([
  ['750000000', 'demo-akimat-750000000'],
  ['751710000', 'demo-akimat-751710000'],
  ['610000000', 'demo-akimat-610000000'],
]);

function generateAll(options: ScaleOptions) {
  const ctx = scaleContext(options, { staffedAkimats: STAFFED, topicDeadlines: new Map([['ROADS', 10]]), takenMediaPeriods: new Set(['750000000/2026/4']) });
  const monuments = generateMonuments(options, ctx);
  const events = generateEvents(options, ctx, monuments.refs);
  const initiatives = generateInitiatives(options, ctx);
  const media = generateMedia(options, ctx, { monuments: monuments.refs, events: events.refs, initiatives: initiatives.refs });
  return {
    ctx,
    complaints: [...generateComplaints(options, ctx, monuments.refs)],
    monuments,
    qrScans: [...generateQrScans(options, monuments.qrRefs)],
    events,
    registrations: [...generateRegistrations(options, ctx, events.refs)],
    initiatives,
    media,
  };
}

describe('scale data generator', () => {
  const data = generateAll(SMALL);

  it('gives the same rows for the same seed and options, other rows for another seed', () => {
    const again = generateAll(SMALL);
    expect(again.complaints).toEqual(data.complaints);
    expect(again.registrations).toEqual(data.registrations);
    expect(again.qrScans).toEqual(data.qrScans);
    expect({ ...again.monuments, ...again.events, ...again.initiatives, ...again.media }).toEqual({
      ...data.monuments,
      ...data.events,
      ...data.initiatives,
      ...data.media,
    });
    const other = generateAll({ ...SMALL, seed: 'another seed' });
    expect(other.complaints.map((c) => c.row)).not.toEqual(data.complaints.map((c) => c.row));
  });

  it('makes the requested number of rows', () => {
    expect(data.complaints).toHaveLength(SMALL.complaints);
    expect(data.monuments.monuments).toHaveLength(SMALL.monuments);
    expect(data.qrScans).toHaveLength(SMALL.qrScans);
    expect(data.events.events).toHaveLength(SMALL.events);
    expect(data.registrations).toHaveLength(SMALL.registrations);
    expect(data.initiatives.rows).toHaveLength(SMALL.initiatives);
    expect(data.media.plans).toHaveLength(SMALL.mediaPlans);
    expect(data.media.faces).toHaveLength(SMALL.faces);
  });

  it('follows the complaint lifecycle in every history', () => {
    const byId = new Map(data.complaints.map((c) => [c.row.id as string, c]));
    const statuses = new Set<string>();
    const check = ({ row, history }: ScaleComplaint) => {
      expect(history[0]).toMatchObject({ from: null, to: 'SUBMITTED', byRole: 'CITIZEN', bySubject: row.author_subject });
      expect(history[0].at).toBe(Date.parse(row.created_at as string));
      let resolvedAt: number | null = null;
      history.forEach((step, i) => {
        expect(step.at).toBeLessThan(data.ctx.until);
        if (i === 0) return;
        const previous = history[i - 1];
        expect(step.from).toBe(previous.to);
        expect(step.at).toBeGreaterThanOrEqual(previous.at);
        const reopen = RESOLVED.includes(step.from!) && step.to === 'IN_PROGRESS';
        if (reopen) {
          // Only the author reopens, with a reason, within 30 days of the resolution.
          expect(step).toMatchObject({ byRole: 'CITIZEN', bySubject: row.author_subject });
          expect(step.comment).toBeTruthy();
          expect(step.at - resolvedAt!).toBeLessThanOrEqual(REOPEN_WINDOW_MS);
        } else {
          expect(COMPLAINT_TRANSITIONS[step.from!]).toContain(step.to);
          expect(['AKIMAT_OFFICER', 'ADMIN']).toContain(step.byRole);
        }
        if (step.to === 'REJECTED') expect(step.comment).toBeTruthy();
        resolvedAt = RESOLVED.includes(step.to) ? step.at : null;
      });
      const last = history[history.length - 1];
      statuses.add(row.status as string);
      expect(row.status).toBe(last.to);
      expect(row.updated_at).toBe(new Date(last.at).toISOString());
      expect(row.resolved_at).toBe(resolvedAt === null ? null : new Date(resolvedAt).toISOString());
      if (row.status === 'DUPLICATE') {
        const original = byId.get(row.duplicate_of_id as string);
        expect(original).toBeDefined();
        expect(original!.row.status).not.toBe('DUPLICATE');
        expect(original!.row.created_at! < row.created_at!).toBe(true);
      } else {
        expect(row.duplicate_of_id).toBeNull();
      }
      expect(row.assigned_officer_subject !== null).toBe(history.some((s) => s.to === 'ACCEPTED' && s.byRole === 'AKIMAT_OFFICER'));
      expect(kato().isWithin(row.territory_code as string, row.responsible_territory_code as string)).toBe(true);
    };
    data.complaints.forEach(check);
    // Every status occurs, so the lifecycle is exercised, not just SUBMITTED.
    expect([...statuses].sort()).toEqual(Object.keys(COMPLAINT_TRANSITIONS).sort());
    expect(data.complaints.some((c) => c.history.some((s) => s.byRole === 'CITIZEN' && s.to === 'IN_PROGRESS'))).toBe(true);
  });

  it('routes complaints to the nearest staffed akimat and dates their answer in working days', () => {
    const medeu = data.complaints.find((c) => kato().isWithin(c.row.territory_code as string, '751710000'));
    expect(medeu?.row.responsible_territory_code).toBe('751710000');
    const elsewhere = data.complaints.find((c) => kato().region(c.row.territory_code as string).code === '350000000');
    expect(elsewhere?.row.responsible_territory_code).toBe('350000000');
    // ROADS has 10 working days here (the rest the default 15), counted after the filing day; due on a weekday.
    for (const { row, history } of data.complaints.filter((c) => c.history.every((s) => s.byRole !== 'CITIZEN' || s.to === 'SUBMITTED'))) {
      const filed = kzDay(Date.parse(row.created_at as string));
      let workingDays = 0;
      for (let day = Date.parse(filed) + DAY; day <= Date.parse(row.due_on as string); day += DAY) {
        if (![0, 6].includes(new Date(day).getUTCDay())) workingDays += 1;
      }
      expect(workingDays).toBe(row.topic === 'ROADS' ? 10 : 15);
      expect([0, 6]).not.toContain(new Date(row.due_on as string).getUTCDay());
      expect(history[0].to).toBe('SUBMITTED');
    }
  });

  it('puts every row on a territory of the classifier', () => {
    const codes: [string, Row[], string][] = [
      ['complaint', data.complaints.map((c) => c.row), 'territory_code'],
      ['initiative', data.initiatives.rows, 'territory_code'],
      ['monument', data.monuments.monuments, 'territory_code'],
      ['event', data.events.events, 'territory_code'],
      ['registration', data.registrations, 'school_territory_code'],
      ['media plan', data.media.plans, 'territory_code'],
      ['face', data.media.faces, 'territory_code'],
    ];
    for (const [, rows, column] of codes) {
      for (const row of rows) expect(kato().find(row[column] as string)).toBeDefined();
    }
    for (const face of data.media.faces) expect(face.region_code).toBe(kato().region(face.territory_code as string).code);
    // Units of every level below the regions, with the cities ahead.
    const levels = new Set(data.complaints.map((c) => kato().find(c.row.territory_code as string)!.level));
    expect([...levels].sort()).toEqual(['DISTRICT', 'SETTLEMENT', 'SUBDISTRICT']);
  });

  it('gives UUIDv7 scale ids that carry the creation time, unique per table', () => {
    const tables: [Row[], string][] = [
      [data.complaints.map((c) => c.row), 'created_at'],
      [data.complaints.flatMap((c) => c.history.map((s) => ({ id: s.id, at: new Date(s.at).toISOString() }))), 'at'],
      [data.registrations, 'registered_at'],
      [data.qrScans, 'scanned_at'],
      [data.media.plans, 'created_at'],
    ];
    for (const [rows, time] of tables) {
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
      for (const row of rows) {
        expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(isScaleId(row.id as string)).toBe(true);
        expect(idTime(row.id as string)).toBe(Date.parse(row[time] as string));
      }
    }
    // Complaints are generated in filing order: id order is newest first, as pages expect.
    const ids = data.complaints.map((c) => c.row.id as string);
    expect([...ids].sort()).toEqual(ids);
  });

  it('keeps event counters equal to the registrations and within capacity', () => {
    const counts = new Map<string, { CONFIRMED: number; WAITING: number }>();
    const subjects = new Set<string>();
    for (const r of data.registrations) {
      const c = counts.get(r.event_id as string) ?? { CONFIRMED: 0, WAITING: 0 };
      if (r.status !== 'CANCELLED') {
        c[r.status as 'CONFIRMED' | 'WAITING'] += 1;
        const key = `${r.event_id}/${r.participant_subject}`;
        expect(subjects.has(key)).toBe(false);
        subjects.add(key);
      }
      counts.set(r.event_id as string, c);
    }
    for (const e of data.events.events) {
      const c = counts.get(e.id as string) ?? { CONFIRMED: 0, WAITING: 0 };
      expect([e.confirmed_count, e.waiting_count]).toEqual([c.CONFIRMED, c.WAITING]);
      if (e.capacity !== null) expect(e.confirmed_count as number).toBeLessThanOrEqual(e.capacity as number);
      if (e.status === 'PLANNED') expect(c.CONFIRMED + c.WAITING).toBe(0);
    }
  });

  it('features faces only through a published item that covers them, and never reuses a taken plan period', () => {
    const items = new Map(data.media.items.map((i) => [i.id as string, i]));
    const featured = data.media.faces.filter((f) => f.status === 'FEATURED');
    expect(featured.length).toBeGreaterThan(0);
    for (const face of featured) {
      expect(items.get(face.featured_item_id as string)?.status).toBe('PUBLISHED');
      expect(data.media.subjects).toContainEqual(expect.objectContaining({ item_id: face.featured_item_id, kind: 'FACE', subject_id: face.id }));
    }
    const periods = data.media.plans.map((p) => `${p.territory_code}/${p.year}/${p.quarter ?? 0}`);
    expect(new Set(periods).size).toBe(periods.length);
    expect(periods).not.toContain('750000000/2026/4');
  });
});
