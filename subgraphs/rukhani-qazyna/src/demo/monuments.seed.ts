import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kato } from '@rz/schema';
import { stableId, type Logger } from '@rz/subgraph-runtime';
import { parse } from 'csv-parse/sync';
import type { DataSource } from 'typeorm';
import { MonumentEntity } from '../monument/monument.entity';
import { MonumentSignificance, MonumentType } from '../monument/monument.enums';

const DATA_FILE = join(__dirname, '..', '..', 'data', 'monuments_kz.csv');

type Row = Record<string, string>;

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

export function monumentFromRow(row: Row): Partial<MonumentEntity> | null {
  const type = monumentTypeOf(row);
  if (!type || !row.region_kato_code || !kato().find(row.region_kato_code)) return null;
  const hasPoint = row.lat !== '' && row.lon !== '';
  return {
    sourceId: row.site_id,
    nameEn: row.name_en || null,
    nameRu: row.name_ru || null,
    nameKk: null,
    descriptionEn: row.location_detail || null,
    type,
    significance: /republican/i.test(row.state_list_evidence) ? MonumentSignificance.REPUBLICAN : null,
    territoryCode: row.region_kato_code,
    lat: hasPoint ? Number(row.lat) : null,
    lon: hasPoint ? Number(row.lon) : null,
    period: row.period || null,
    onStateList: /republican list|state protection/i.test(row.state_list_evidence),
    unescoStatus: row.unesco_status || null,
    sources: [row.status_sources, row.coord_source].filter(Boolean).join('; ') || null,
  };
}

/** Imports the sourced monuments once; reruns only add rows not yet imported. */
export async function seedMonuments(db: DataSource, logger: Logger): Promise<void> {
  const rows: Row[] = parse(readFileSync(DATA_FILE), { columns: true, skip_empty_lines: true });
  const repository = db.getRepository(MonumentEntity);
  const existing = new Set((await repository.find({ select: { sourceId: true } })).map((m) => m.sourceId));
  const fresh = rows
    .map(monumentFromRow)
    .filter((m): m is Partial<MonumentEntity> => !!m && !existing.has(m.sourceId!))
    .map((m) => ({ ...m, id: monumentDemoId(m.sourceId!) }));
  if (fresh.length) await repository.insert(fresh);
  logger.info({ imported: fresh.length, skipped: rows.length - fresh.length - existing.size }, 'monument reference data');
}
