import { DAY } from './scale-time';

export interface ScaleSizes {
  complaints: number;
  initiatives: number;
  monuments: number;
  qrScans: number;
  events: number;
  registrations: number;
  mediaPlans: number;
  faces: number;
}

export interface ScaleOptions extends ScaleSizes {
  /** Same seed, sizes and end day: same rows. */
  seed: string;
  /** Data covers the two years before this day (YYYY-MM-DD, exclusive); fixed so reruns agree. */
  until: string;
}

export const DEFAULT_SCALE: ScaleOptions = {
  complaints: 500_000,
  initiatives: 20_000,
  monuments: 20_000,
  qrScans: 200_000,
  events: 50_000,
  registrations: 500_000,
  mediaPlans: 5_000,
  faces: 2_000,
  seed: 'rz-scale-1',
  until: '2026-12-01',
};

/** What the generators need to know about the database they write beside. */
export interface ScaleContext {
  since: number;
  until: number;
  /** Akimats with registered officers (complaints and initiatives route to the nearest): code -> officer subject. */
  staffedAkimats: ReadonlyMap<string, string>;
  /** Working days to answer, per complaint topic (the rest get the default). */
  topicDeadlines: ReadonlyMap<string, number>;
  /** Media plan periods already taken by other rows: `${territory}/${year}/${quarter ?? 0}`. */
  takenMediaPeriods: ReadonlySet<string>;
}

export function scaleContext(options: ScaleOptions, from: Partial<ScaleContext> = {}): ScaleContext {
  const until = Date.parse(`${options.until}T00:00:00+05:00`);
  if (Number.isNaN(until)) throw new Error(`--until must be a day, YYYY-MM-DD (got "${options.until}")`);
  return {
    since: until - 730 * DAY,
    until,
    staffedAkimats: from.staffedAkimats ?? new Map(),
    topicDeadlines: from.topicDeadlines ?? new Map(),
    takenMediaPeriods: from.takenMediaPeriods ?? new Set(),
  };
}

/** Column values as COPY writes them: ISO strings for times and days. */
export type Row = Record<string, string | number | boolean | null>;

export const iso = (ms: number) => new Date(Math.round(ms)).toISOString();
