import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kato } from '@rz/schema';
import { type Logger } from '@rz/service-kit';
import { stableId } from '@rz/subgraph-runtime';
import { parse } from 'csv-parse/sync';
import type { DataSource } from 'typeorm';
import { MonumentEntity } from '../monument/monument.entity';
import { MonumentSignificance, MonumentType } from '../monument/monument.enums';

const DATA_FILE = join(__dirname, '..', '..', 'data', 'monuments_kz.csv');
const UNESCO_FILE = join(__dirname, '..', '..', 'data', 'unesco_whs_kz_2021.csv');

type Row = Record<string, string>;

/** UNESCO World Heritage Centre rows (whc-sites-2021) by id_no. */
export function readUnescoSites(): Map<string, Row> {
  const rows: Row[] = parse(readFileSync(UNESCO_FILE), { columns: true, skip_empty_lines: true });
  return new Map(rows.map((r) => [r.id_no, r]));
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", rsquo: '\u2019', lsquo: '\u2018', rdquo: '\u201d', ldquo: '\u201c', ndash: '\u2013', mdash: '\u2014', nbsp: ' ' };

/** UNESCO's short descriptions are HTML fragments; the monument description is plain text. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|[a-z]+);/gi, (entity, name: string) => (name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (ENTITIES[name.toLowerCase()] ?? entity)))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * English description from the UNESCO data, with its source: the property's own short
 * description, or for a component of a serial property, which property it belongs to.
 */
export function unescoDescription(row: Row, unesco: Map<string, Row>): { text: string; source: string } | null {
  const site = row.unesco_ref ? unesco.get(row.unesco_ref) : undefined;
  if (!site) return null;
  const source = `description: UNESCO World Heritage Centre whc-sites-2021.csv, id_no ${site.id_no}`;
  if (/^World Heritage \d{4}/.test(row.unesco_status)) return { text: plainText(site.short_description_en), source };
  if (/^component of World Heritage/i.test(row.unesco_status)) {
    return { text: `A component of the UNESCO World Heritage property "${site.name_en}", inscribed in ${site.date_inscribed}.`, source };
  }
  return null;
}

/** Other subgraphs' demo data refers to reference monuments by this id, e.g. monumentDemoId('KZH001'). */
export function monumentDemoId(siteId: string): string {
  return stableId(`monument:${siteId}`);
}

/** Only types the row states plainly; anything else (natural sites, serial groups) is skipped. */
export function monumentTypeOf(row: Row): MonumentType | null {
  if (row.category !== 'cultural') return null;
  const t = row.site_type.toLowerCase();
  if (t.startsWith('serial') || t === 'cultural landscape') return null;
  if (t.includes('urban planning')) return MonumentType.URBAN_PLANNING;
  if (t.startsWith('architectural') || t.startsWith('memorial')) return MonumentType.ARCHITECTURAL;
  if (t.startsWith('archaeological')) return MonumentType.ARCHAEOLOGICAL;
  return null;
}

export function monumentFromRow(row: Row, unesco: Map<string, Row> = new Map()): Partial<MonumentEntity> | null {
  const type = monumentTypeOf(row);
  if (!type || !row.region_kato_code || !kato().find(row.region_kato_code)) return null;
  const hasPoint = row.lat !== '' && row.lon !== '';
  const described = unescoDescription(row, unesco);
  return {
    sourceId: row.site_id,
    nameEn: row.name_en || null,
    nameRu: row.name_ru || null,
    nameKk: null,
    descriptionEn: described ? [described.text, row.location_detail && `Location: ${row.location_detail}.`].filter(Boolean).join('\n\n') : row.location_detail || null,
    type,
    significance: /republican/i.test(row.state_list_evidence) ? MonumentSignificance.REPUBLICAN : null,
    territoryCode: row.region_kato_code,
    lat: hasPoint ? Number(row.lat) : null,
    lon: hasPoint ? Number(row.lon) : null,
    period: row.period || null,
    onStateList: /republican list|state protection/i.test(row.state_list_evidence),
    unescoStatus: row.unesco_status || null,
    sources: [row.status_sources, row.coord_source, described?.source].filter(Boolean).join('; ') || null,
  };
}

/**
 * Imports the sourced monuments once; reruns only add rows not yet imported, and give
 * rows imported before the UNESCO descriptions existed those descriptions, unless an
 * editor has changed the text since.
 */
export async function seedMonuments(db: DataSource, logger: Logger): Promise<void> {
  const rows: Row[] = parse(readFileSync(DATA_FILE), { columns: true, skip_empty_lines: true });
  const unesco = readUnescoSites();
  const repository = db.getRepository(MonumentEntity);
  const existing = new Set((await repository.find({ select: { sourceId: true } })).map((m) => m.sourceId));
  for (const row of rows) {
    const monument = existing.has(row.site_id) && unescoDescription(row, unesco) ? monumentFromRow(row, unesco) : null;
    if (!monument) continue;
    await db.query(
      `UPDATE monument SET description_en = $1, sources = $2 WHERE source_id = $3 AND description_en IS NOT DISTINCT FROM $4 AND sources IS NOT DISTINCT FROM $5`,
      [monument.descriptionEn, monument.sources, row.site_id, row.location_detail || null, monumentFromRow(row)!.sources],
    );
  }
  const fresh = rows
    .map((row) => monumentFromRow(row, unesco))
    .filter((m): m is Partial<MonumentEntity> => !!m && !existing.has(m.sourceId!))
    .map((m) => ({ ...m, id: monumentDemoId(m.sourceId!) }));
  if (fresh.length) await repository.insert(fresh);
  logger.info({ imported: fresh.length, skipped: rows.length - fresh.length - existing.size }, 'monument reference data');
}
