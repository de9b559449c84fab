/**
 * The 17 regions and 3 cities of republican significance, at their administrative centres.
 *
 * Copied from the project's reference data (see ../shared/data/SOURCES.md):
 * - code, centre code, centre names and lat/lon: admin_centres_coordinates.csv (GeoNames city points,
 *   CC BY 4.0; city points, not polygon centroids, about ±5 km);
 * - region names in Kazakh, Russian and English: kato_top_level.csv (KATO NK RK 11-2025; English names
 *   from Wikipedia "Regions of Kazakhstan").
 * Committed so the map draws before, and without, any request.
 */
export interface RegionPlace {
  /** 9-digit KATO code of the region. */
  code: string;
  names: { kk: string; ru: string; en: string };
  centre: { code: string; names: { kk: string; ru: string; en: string }; lat: number; lon: number };
}

export const REGIONS: readonly RegionPlace[] = [
  { code: '100000000', names: { kk: 'Абай облысы', ru: 'область Абай', en: 'Abai Region' }, centre: { code: '101010000', names: { kk: 'Семей қ.', ru: 'г.Семей', en: 'Semey' }, lat: 50.42675, lon: 80.26669 } },
  { code: '110000000', names: { kk: 'Ақмола облысы', ru: 'Акмолинская область', en: 'Akmola Region' }, centre: { code: '111010000', names: { kk: 'Көкшетау қ.', ru: 'г.Кокшетау', en: 'Kokshetau' }, lat: 53.28333, lon: 69.4 } },
  { code: '150000000', names: { kk: 'Ақтөбе облысы', ru: 'Актюбинская область', en: 'Aktobe Region' }, centre: { code: '151010000', names: { kk: 'Ақтөбе қ.', ru: 'г.Актобе', en: 'Aktobe' }, lat: 50.27969, lon: 57.20718 } },
  { code: '190000000', names: { kk: 'Алматы облысы', ru: 'Алматинская область', en: 'Almaty Region' }, centre: { code: '191010000', names: { kk: 'Қонаев қ.', ru: 'г.Қонаев', en: 'Konaev (Qonaev; until 2022 Kapshagay)' }, lat: 43.86681, lon: 77.06304 } },
  { code: '230000000', names: { kk: 'Атырау облысы', ru: 'Атырауская область', en: 'Atyrau Region' }, centre: { code: '231010000', names: { kk: 'Атырау қ.', ru: 'г.Атырау', en: 'Atyrau' }, lat: 47.11667, lon: 51.88333 } },
  { code: '270000000', names: { kk: 'Батыс Қазақстан облысы', ru: 'Западно-Казахстанская область', en: 'West Kazakhstan Region' }, centre: { code: '271010000', names: { kk: 'Орал қ.', ru: 'г.Уральск', en: 'Oral (Uralsk)' }, lat: 51.23333, lon: 51.36667 } },
  { code: '310000000', names: { kk: 'Жамбыл облысы', ru: 'Жамбылская область', en: 'Jambyl Region' }, centre: { code: '311010000', names: { kk: 'Тараз қ.', ru: 'г.Тараз', en: 'Taraz' }, lat: 42.9, lon: 71.36667 } },
  { code: '330000000', names: { kk: 'Жетісу облысы', ru: 'область Жетісу', en: 'Jetisu Region' }, centre: { code: '331010000', names: { kk: 'Талдықорған қ.', ru: 'г.Талдыкорган', en: 'Taldykorgan' }, lat: 45.01556, lon: 78.37389 } },
  { code: '350000000', names: { kk: 'Қарағанды облысы', ru: 'Карагандинская область', en: 'Karaganda Region' }, centre: { code: '351010000', names: { kk: 'Қарағанды қ.', ru: 'г.Караганда', en: 'Karaganda' }, lat: 49.83333, lon: 73.1658 } },
  { code: '390000000', names: { kk: 'Қостанай облысы', ru: 'Костанайская область', en: 'Kostanay Region' }, centre: { code: '391010000', names: { kk: 'Қостанай қ.', ru: 'г.Костанай', en: 'Kostanay' }, lat: 53.21435, lon: 63.62463 } },
  { code: '430000000', names: { kk: 'Қызылорда облысы', ru: 'Кызылординская область', en: 'Kyzylorda Region' }, centre: { code: '431010000', names: { kk: 'Қызылорда қ.', ru: 'г.Кызылорда', en: 'Kyzylorda' }, lat: 44.85278, lon: 65.50917 } },
  { code: '470000000', names: { kk: 'Маңғыстау облысы', ru: 'Мангистауская область', en: 'Mangystau Region' }, centre: { code: '471010000', names: { kk: 'Ақтау қ.', ru: 'г.Актау', en: 'Aktau' }, lat: 43.65, lon: 51.16667 } },
  { code: '550000000', names: { kk: 'Павлодар облысы', ru: 'Павлодарская область', en: 'Pavlodar Region' }, centre: { code: '551010000', names: { kk: 'Павлодар қ.', ru: 'г.Павлодар', en: 'Pavlodar' }, lat: 52.28333, lon: 76.96667 } },
  { code: '590000000', names: { kk: 'Солтүстік Қазақстан облысы', ru: 'Северо-Казахстанская область', en: 'North Kazakhstan Region' }, centre: { code: '591010000', names: { kk: 'Петропавл қ.', ru: 'г.Петропавловск', en: 'Petropavl' }, lat: 54.86667, lon: 69.15 } },
  { code: '610000000', names: { kk: 'Түркістан облысы', ru: 'Туркестанская область', en: 'Turkistan Region' }, centre: { code: '611010000', names: { kk: 'Түркістан қ.', ru: 'г.Туркестан', en: 'Turkistan' }, lat: 43.33333, lon: 68.25 } },
  { code: '620000000', names: { kk: 'Ұлытау облысы', ru: 'область Ұлытау', en: 'Ulytau Region' }, centre: { code: '621010000', names: { kk: 'Жезқазған қ.', ru: 'г.Жезказган', en: 'Zhezkazgan' }, lat: 47.78333, lon: 67.76667 } },
  { code: '630000000', names: { kk: 'Шығыс Қазақстан облысы', ru: 'Восточно-Казахстанская область', en: 'East Kazakhstan Region' }, centre: { code: '631010000', names: { kk: 'Өскемен қ.', ru: 'г.Усть-Каменогорск', en: 'Oskemen (Ust-Kamenogorsk)' }, lat: 49.97143, lon: 82.60586 } },
  { code: '710000000', names: { kk: 'Астана қ.', ru: 'г.Астана', en: 'Astana' }, centre: { code: '710000000', names: { kk: 'Астана қ.', ru: 'г.Астана', en: 'Astana' }, lat: 51.1801, lon: 71.44598 } },
  { code: '750000000', names: { kk: 'Алматы қ.', ru: 'г.Алматы', en: 'Almaty' }, centre: { code: '750000000', names: { kk: 'Алматы қ.', ru: 'г.Алматы', en: 'Almaty' }, lat: 43.25667, lon: 76.92861 } },
  { code: '790000000', names: { kk: 'Шымкент қ.', ru: 'г.Шымкент', en: 'Shymkent' }, centre: { code: '790000000', names: { kk: 'Шымкент қ.', ru: 'г.Шымкент', en: 'Shymkent' }, lat: 42.3, lon: 69.6 } },
];
