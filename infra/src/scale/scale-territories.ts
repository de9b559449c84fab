import { kato, TerritoryLevel, type TerritoryNode } from '@rz/schema';
import { Random, WeightedPicker } from './prng';

/** Astana, Almaty and Shymkent: regions that are cities. */
const REPUBLICAN_CITIES = new Set(['710000000', '750000000', '790000000']);

export interface ScaleUnit {
  code: string;
  level: TerritoryLevel;
  region: string;
  names: TerritoryNode['names'];
  /** A city, a city administration or a district of a republican city. */
  urban: boolean;
  republicanCity: boolean;
  /** Region centre: rows get a point near it (the classifier has no coordinates below regions). */
  centre: { lat: number; lon: number } | null;
}

/** How data spreads over territory: people file where people live. */
export type Spread = 'people' | 'heritage';

const WEIGHTS: Record<Spread, (u: ScaleUnit) => number> = {
  // About 70 % in cities (republican cities' districts weigh most), the rest over districts, towns and villages.
  people: (u) =>
    u.republicanCity ? 400 : u.urban ? 60 : u.level === TerritoryLevel.DISTRICT ? 5 : u.level === TerritoryLevel.SUBDISTRICT ? 1 : 0.25,
  // Monuments are mostly out in the steppe; cities still hold more than their area.
  heritage: (u) => (u.republicanCity ? 20 : u.urban ? 8 : u.level === TerritoryLevel.DISTRICT ? 3 : 1),
};

let cached: ScaleUnit[] | undefined;

/** Every KATO unit below the regions, in classifier order. */
export function scaleUnits(): ScaleUnit[] {
  if (cached) return cached;
  const classifier = kato();
  const units: ScaleUnit[] = [];
  for (const region of classifier.regions) {
    const republicanCity = REPUBLICAN_CITIES.has(region.code);
    const centre = region.centre ? { lat: region.centre.lat, lon: region.centre.lon } : null;
    const stack = [...region.childCodes].reverse();
    while (stack.length) {
      const node = classifier.find(stack.pop()!)!;
      units.push({
        code: node.code,
        level: node.level,
        region: region.code,
        names: node.names,
        urban: republicanCity || /^г\./.test(node.names.ru) || / Г\.А\.$/.test(node.names.ru),
        republicanCity,
        centre,
      });
      stack.push(...[...node.childCodes].reverse());
    }
  }
  cached = units;
  return units;
}

export class TerritoryPicker {
  private readonly all: WeightedPicker<ScaleUnit>;
  private readonly byRegion = new Map<string, WeightedPicker<ScaleUnit>>();

  constructor(spread: Spread, filter: (u: ScaleUnit) => boolean = () => true) {
    const units = scaleUnits().filter(filter);
    const weight = WEIGHTS[spread];
    this.all = new WeightedPicker(units, weight);
    const grouped = new Map<string, ScaleUnit[]>();
    for (const u of units) grouped.set(u.region, [...(grouped.get(u.region) ?? []), u]);
    for (const [region, list] of grouped) this.byRegion.set(region, new WeightedPicker(list, weight));
  }

  pick(random: Random): ScaleUnit {
    return this.all.pick(random);
  }

  /** A unit of the same region (any region if that one has none). */
  pickIn(random: Random, region: string): ScaleUnit {
    return (this.byRegion.get(region) ?? this.all).pick(random);
  }
}

/** A point near the unit's region centre, inside the bounds every table checks. */
export function pointNear(random: Random, unit: ScaleUnit): { lat: number; lon: number } | null {
  if (!unit.centre) return null;
  const spread = unit.republicanCity ? 0.08 : unit.urban ? 0.3 : 1.5;
  const lat = Math.min(55.4, Math.max(40.6, unit.centre.lat + random.float(-spread, spread)));
  const lon = Math.min(87.3, Math.max(46.5, unit.centre.lon + random.float(-spread, spread) * 1.5));
  return { lat: Math.round(lat * 1e5) / 1e5, lon: Math.round(lon * 1e5) / 1e5 };
}
