import { Random, weighted } from './prng';
import { IdSequence } from './scale-id';
import { iso, type Row, type ScaleContext, type ScaleOptions } from './scale-options';
import { pointNear, TerritoryPicker } from './scale-territories';
import { DAY, kzDay } from './scale-time';

export interface MonumentRef {
  id: string;
  territory: string;
  region: string;
  created: number;
}

export interface QrCodeRef {
  id: string;
  monumentId: string;
  /** Scans are counted while the plate is on site: [from, to). */
  onSite: [number, number] | null;
}

export interface ScaleMonuments {
  refs: MonumentRef[];
  monuments: Row[];
  assessments: Row[];
  qrCodes: Row[];
  qrRefs: QrCodeRef[];
}

const KINDS = {
  ARCHAEOLOGICAL: { ru: ['Городище', 'Курган', 'Могильник', 'Стоянка'], kk: ['Қалашық', 'Қорған', 'Қорым', 'Тұрақ'], period: ['бронзовый век', 'ранний железный век', 'X–XII вв.'] },
  ARCHITECTURAL: { ru: ['Мавзолей', 'Мечеть', 'Дом купца', 'Медресе'], kk: ['Кесене', 'Мешіт', 'Саудагер үйі', 'Медресе'], period: ['XIX в.', 'начало XX в.', 'XVIII в.'] },
  URBAN_PLANNING: { ru: ['Ансамбль улицы', 'Квартал застройки'], kk: ['Көше ансамблі', 'Құрылыс кварталы'], period: ['1930-е гг.', '1950-е гг.'] },
  MONUMENTAL_ART: { ru: ['Памятник', 'Стела', 'Мемориал'], kk: ['Ескерткіш', 'Стела', 'Мемориал'], period: ['1970-е гг.', '1980-е гг.', '2000-е гг.'] },
  SACRED_SITE: { ru: ['Святое место', 'Родник'], kk: ['Киелі орын', 'Бұлақ'], period: ['средневековье'] },
} as const;
type MonumentType = keyof typeof KINDS;

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Ten characters starting "SC": the service issues eight, so scale codes never take a real one. */
export function scaleQrCode(sequence: number): string {
  let code = '';
  for (let n = sequence, i = 0; i < 8; i += 1, n = Math.floor(n / CODE_ALPHABET.length)) code = CODE_ALPHABET[n % CODE_ALPHABET.length] + code;
  return `SC${code}`;
}

/** Monuments across the country, each condition with its assessment, and the QR plates placed on them. */
export function generateMonuments(options: ScaleOptions, ctx: ScaleContext): ScaleMonuments {
  const random = Random.stream(options.seed, 'monuments');
  const territories = new TerritoryPicker('heritage');
  const monumentIds = new IdSequence();
  const assessmentIds = new IdSequence();
  const qrIds = new IdSequence();
  const out: ScaleMonuments = { refs: [], monuments: [], assessments: [], qrCodes: [], qrRefs: [] };
  const span = ctx.until - ctx.since;

  for (let i = 0; i < options.monuments; i += 1) {
    // Most of the register was entered in the first months; later rows trickle in.
    const created = ctx.since + span * ((i + random.next()) / options.monuments) ** 3 * 0.9;
    const unit = territories.pick(random);
    const type = weighted<MonumentType>(random, [
      ['ARCHAEOLOGICAL', 45],
      ['ARCHITECTURAL', 25],
      ['URBAN_PLANNING', 5],
      ['MONUMENTAL_ART', 18],
      ['SACRED_SITE', 7],
    ]);
    const kind = KINDS[type];
    const k = random.int(0, kind.ru.length - 1);
    const id = monumentIds.id(created);
    const point = random.chance(0.85) ? pointNear(random, unit) : null;
    const assessed = random.chance(0.7) ? created + random.float(0, ctx.until - created) : null;
    const condition = assessed === null ? null : weighted(random, [['GOOD', 35], ['SATISFACTORY', 40], ['POOR', 18], ['EMERGENCY', 7]] as const);
    const assessedBy = assessed === null ? null : 'Научно-реставрационный институт (масштабные данные)';
    const significance = weighted(random, [['REPUBLICAN', 8], ['LOCAL', 85], [null, 7]] as const);
    out.refs.push({ id, territory: unit.code, region: unit.region, created });
    out.monuments.push({
      id,
      name_kk: `${unit.names.kk} ${kind.kk[k].toLowerCase()} №${i + 1}`,
      name_ru: `${kind.ru[k]} ${unit.names.ru} №${i + 1}`,
      name_en: null,
      description_kk: null,
      description_ru: random.chance(0.5) ? `${kind.ru[k]} на территории: ${unit.names.ru}. Учётная запись для нагрузочных данных.` : null,
      description_en: null,
      type,
      significance,
      territory_code: unit.code,
      lat: point?.lat ?? null,
      lon: point?.lon ?? null,
      period: random.pick(kind.period),
      condition,
      condition_assessed_on: assessed === null ? null : kzDay(assessed),
      condition_assessed_by: assessedBy,
      on_state_list: significance !== null && random.chance(0.6),
      unesco_status: null,
      sources: null,
      created_at: iso(created),
      updated_at: iso(assessed ?? created),
    });
    if (assessed !== null) {
      out.assessments.push({
        id: assessmentIds.id(assessed),
        monument_id: id,
        condition,
        assessed_on: kzDay(assessed),
        assessed_by: assessedBy,
        assessor_subject: null,
        note: null,
        recorded_at: iso(assessed),
      });
    }

    // Plates: issued, then installed; a removed plate is usually replaced by a new one.
    if (random.chance(0.75)) {
      let issued = created + DAY * random.float(1, 120);
      for (let plate = 0; plate < 2 && issued < ctx.until; plate += 1) {
        const qrId = qrIds.id(issued);
        const installed = issued + DAY * random.float(2, 60);
        const fate = installed >= ctx.until ? 'ISSUED' : weighted(random, [['INSTALLED', 85], ['REMOVED', 10], ['ISSUED', 5]] as const);
        const removed = fate === 'REMOVED' ? installed + random.float(0, ctx.until - installed) : null;
        out.qrCodes.push({
          id: qrId,
          monument_id: id,
          code: scaleQrCode(out.qrCodes.length),
          status: fate,
          placed_on: fate === 'ISSUED' ? null : kzDay(installed),
          installed_by: fate === 'ISSUED' ? null : 'Отдел культуры акимата',
          installer_subject: null,
          issued_by_subject: 'scale-editor',
          created_at: iso(issued),
          updated_at: iso(removed ?? (fate === 'ISSUED' ? issued : installed)),
        });
        out.qrRefs.push({ id: qrId, monumentId: id, onSite: fate === 'ISSUED' ? null : [installed, removed ?? ctx.until] });
        if (removed === null || !random.chance(0.8)) break;
        issued = removed + DAY * random.float(1, 20);
      }
    }
  }
  return out;
}

/** Scans of placed plates, spread over their time on site; a few plates draw most of them. */
export function* generateQrScans(options: ScaleOptions, qrRefs: readonly QrCodeRef[]): Generator<Row> {
  const random = Random.stream(options.seed, 'qr-scans');
  const placed = qrRefs.filter((q) => q.onSite);
  if (!placed.length) return;
  const appeal = placed.map(() => random.exponential(1));
  const total = appeal.reduce((a, b) => a + b, 0);
  const ids = new IdSequence();
  let written = 0;
  for (let p = 0; p < placed.length && written < options.qrScans; p += 1) {
    const { id, monumentId, onSite } = placed[p];
    const [from, to] = onSite!;
    const count = p === placed.length - 1 ? options.qrScans - written : Math.min(options.qrScans - written, Math.round((options.qrScans * appeal[p]) / total));
    for (let s = 0; s < count; s += 1) {
      const at = from + random.next() * (to - from);
      written += 1;
      yield {
        id: ids.id(at),
        qr_code_id: id,
        monument_id: monumentId,
        scanned_at: iso(at),
        lang: weighted(random, [['kk', 50], ['ru', 42], ['en', 8]] as const),
        device: weighted(random, [['MOBILE', 88], ['TABLET', 5], ['DESKTOP', 3], ['BOT', 2], ['UNKNOWN', 2]] as const),
      };
    }
  }
}
