import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { badUserInput } from '../errors/domain-error';

export enum TerritoryLevel {
  /** Oblys, or a city of republican significance (Astana, Almaty, Shymkent). */
  REGION = 'REGION',
  /** District, city of regional significance, or a district of a republican city. */
  DISTRICT = 'DISTRICT',
  /** Rural district (okrug) or town below a district. */
  SUBDISTRICT = 'SUBDISTRICT',
  SETTLEMENT = 'SETTLEMENT',
}

export interface TerritoryNode {
  code: string;
  level: TerritoryLevel;
  names: { kk: string; ru: string; en: string | null };
  parentCode: string | null;
  childCodes: string[];
  /** Administrative centre of a region. */
  centre: { code: string; names: { kk: string; ru: string; en: string }; lat: number; lon: number } | null;
}

const DATA_DIR = join(__dirname, '..', '..', 'data', 'kato');
const KATO_CODE = /^\d{9}$/;

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(join(DATA_DIR, file)), { columns: true, skip_empty_lines: true });
}

/**
 * The KATO classifier, held in memory: every subgraph resolves Territory from it
 * without a database round trip.
 */
export class KatoClassifier {
  private readonly nodes = new Map<string, TerritoryNode>();
  readonly regions: TerritoryNode[];

  constructor() {
    const top = new Map(readCsv('kato_top_level.csv').map((r) => [r.kato_code, r]));
    const second = new Set(readCsv('kato_second_level.csv').map((r) => r.kato_code));
    const centres = new Map(readCsv('admin_centres_coordinates.csv').map((r) => [r.region_kato_code, r]));

    for (const row of readCsv('kato_full_nk_rk_11_2025.csv')) {
      const level =
        row.level === 'oblast'
          ? TerritoryLevel.REGION
          : second.has(row.kato_code)
            ? TerritoryLevel.DISTRICT
            : row.level === 'settlement'
              ? TerritoryLevel.SETTLEMENT
              : TerritoryLevel.SUBDISTRICT;
      const region = top.get(row.kato_code);
      const centre = centres.get(row.kato_code);
      this.nodes.set(row.kato_code, {
        code: row.kato_code,
        level,
        names: { kk: row.name_kk, ru: row.name_ru, en: region?.name_en || null },
        parentCode: null,
        childCodes: [],
        // Names come from the classifier's own columns; the coordinates file's English names carry notes.
        centre: centre && region
          ? {
              code: region.admin_centre_kato,
              names: { kk: region.admin_centre_kk, ru: region.admin_centre_ru, en: region.admin_centre_en },
              lat: Number(centre.lat),
              lon: Number(centre.lon),
            }
          : null,
      });
    }

    for (const node of this.nodes.values()) {
      if (node.level === TerritoryLevel.REGION) continue;
      node.parentCode = this.findParent(node.code);
      this.nodes.get(node.parentCode)!.childCodes.push(node.code);
    }
    this.regions = [...this.nodes.values()].filter((n) => n.level === TerritoryLevel.REGION);
  }

  /** KATO code AB CD EF GHI: the parent is the nearest existing code with a shorter significant prefix. */
  private findParent(code: string): string {
    const candidates = [code.slice(0, 6) + '000', code.slice(0, 4) + '00000', code.slice(0, 2) + '0000000'];
    for (const candidate of candidates) {
      if (candidate !== code && this.nodes.has(candidate)) return candidate;
    }
    throw new Error(`KATO ${code} has no parent in the classifier`);
  }

  get size(): number {
    return this.nodes.size;
  }

  find(code: string): TerritoryNode | undefined {
    return this.nodes.get(code);
  }

  /** Whether `code` is a 9-digit code of a unit in the classifier. */
  has(code: string): boolean {
    return KATO_CODE.test(code) && this.nodes.has(code);
  }

  /** The node, or a BAD_USER_INPUT error naming the code and the field it came from. */
  require(code: string, field = 'territory'): TerritoryNode {
    const node = this.has(code) ? this.nodes.get(code) : undefined;
    if (!node) {
      throw badUserInput(field, `Unknown territory code "${code}": not in the KATO classifier`, { territoryCode: code });
    }
    return node;
  }

  /** The unit itself, or the nearest unit above it, at one of `levels`. */
  nearestAt(code: string, levels: readonly TerritoryLevel[]): TerritoryNode | undefined {
    for (let node = this.nodes.get(code); node; node = node.parentCode ? this.nodes.get(node.parentCode) : undefined) {
      if (levels.includes(node.level)) return node;
    }
    return undefined;
  }

  /**
   * The unit when it is at one of `levels`; otherwise a BAD_USER_INPUT error that says which
   * code would be accepted (the nearest unit above it at such a level), also as `acceptedCode`.
   * `rule` states what is accepted, e.g. "Media plans are made by a region, a district or a city".
   */
  requireAtLevel(code: string, levels: readonly TerritoryLevel[], field: string, rule: string): TerritoryNode {
    const node = this.require(code, field);
    if (levels.includes(node.level)) return node;
    const accepted = this.nearestAt(code, levels);
    const instead = accepted ? `; use ${accepted.code} (${accepted.names.ru}), which contains it` : '';
    throw badUserInput(field, `${rule}: ${code} (${node.names.ru}) is a ${node.level.toLowerCase()} unit${instead}`, {
      territoryCode: code,
      level: node.level,
      ...(accepted ? { acceptedCode: accepted.code } : {}),
    });
  }

  children(code: string): TerritoryNode[] {
    return this.require(code).childCodes.map((c) => this.nodes.get(c)!);
  }

  /** Root first, the node itself last. */
  path(code: string): TerritoryNode[] {
    const chain: TerritoryNode[] = [];
    for (let node: TerritoryNode | undefined = this.require(code); node; node = node.parentCode ? this.nodes.get(node.parentCode) : undefined) {
      chain.unshift(node);
    }
    return chain;
  }

  region(code: string): TerritoryNode {
    return this.path(code)[0];
  }

  /** The node and everything below it; an unknown code is a BAD_USER_INPUT error naming `field`. */
  subtreeCodes(code: string, field = 'territory'): string[] {
    const result: string[] = [];
    const stack = [this.require(code, field).code];
    while (stack.length) {
      const current = stack.pop()!;
      result.push(current);
      stack.push(...this.nodes.get(current)!.childCodes);
    }
    return result;
  }

  /** Whether `code` is `scope` or lies below it. */
  isWithin(code: string, scope: string): boolean {
    for (let node = this.nodes.get(code); node; node = node.parentCode ? this.nodes.get(node.parentCode) : undefined) {
      if (node.code === scope) return true;
    }
    return false;
  }
}

let shared: KatoClassifier | undefined;

/** The process-wide classifier, loaded on first use (about 16k rows, tens of milliseconds). */
export function kato(): KatoClassifier {
  shared ??= new KatoClassifier();
  return shared;
}
