/**
 * The open-data exports: each dataset is a GraphQL read through the gateway's own execution
 * (the caller's token, so the caller sees what /graphql would show them) turned into rows.
 * Headers in three languages; rows as plain values, in column order.
 */
export type Lang = 'kk' | 'ru' | 'en';

export interface Column {
  key: string;
  header: Record<Lang, string>;
}

export interface ExportParams {
  /** KATO code (with its subtree); the whole country when absent, where a dataset allows it. */
  territory?: string;
  from?: string;
  to?: string;
}

/** Runs one operation as the caller; throws the first GraphQL error. */
export type Execute = (query: string, variables: Record<string, unknown>) => Promise<Record<string, any>>;

export interface Dataset {
  columns: Column[];
  /** territory, from and to are required by this dataset. */
  needsPeriod: boolean;
  rows(execute: Execute, params: ExportParams, lang: Lang): AsyncIterable<Record<string, unknown>>;
}

const col = (key: string, kk: string, ru: string, en: string): Column => ({ key, header: { kk, ru, en } });

/** Pages of a connection, 500 rows each (the gateway's largest page), newest first. */
async function* pages(execute: Execute, query: string, variables: Record<string, unknown>, connection: (data: Record<string, any>) => any) {
  let after: string | null = null;
  do {
    const page = connection(await execute(query, { ...variables, after }));
    yield* page.nodes as Record<string, any>[];
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
}

const FIGURE_COLUMNS = [
  col('territory', 'ӘАОЖ коды', 'Код КАТО', 'KATO code'),
  col('name', 'Аумақ', 'Территория', 'Territory'),
  col('from', 'Кезең басы', 'Начало периода', 'Period start'),
  col('to', 'Кезең соңы', 'Конец периода', 'Period end'),
  col('clubs', 'Үйірмелер', 'Кружки', 'Clubs'),
  col('clubMembers', 'Үйірме мүшелері', 'Члены кружков', 'Club members'),
  col('events', 'Іс-шаралар', 'Мероприятия', 'Events'),
  col('eventsHeld', 'Өткен іс-шаралар', 'Проведённые мероприятия', 'Events held'),
  col('participants', 'Қатысушы балалар', 'Охвачено детей', 'Children reached'),
  col('initiatives', 'Бастамалар', 'Инициативы', 'Initiatives'),
  col('implementedInPeriod', 'Іске асқан бастамалар', 'Реализованные инициативы', 'Initiatives implemented'),
  col('pledged', 'Уәде етілген қаражат, ₸', 'Обещано, ₸', 'Pledged, KZT'),
  col('spent', 'Жұмсалған қаражат, ₸', 'Израсходовано, ₸', 'Spent, KZT'),
  col('complaintsFiled', 'Түскен шағымдар', 'Поступило жалоб', 'Complaints filed'),
  col('complaintsResolved', 'Шешілген шағымдар', 'Решено жалоб', 'Complaints resolved'),
  col('complaintsOverdue', 'Мерзімі өткен шағымдар', 'Просрочено жалоб', 'Complaints overdue'),
  col('monuments', 'Ескерткіштер', 'Памятники', 'Monuments'),
  col('monumentsWithInstalledQr', 'QR-коды бар ескерткіштер', 'Памятники с QR-кодом', 'Monuments with a QR code'),
  col('scans', 'QR сканерлеу', 'Сканирования QR', 'QR scans'),
  col('routes', 'Туристік маршруттар', 'Туристические маршруты', 'Tourism routes'),
  col('mediaItemsPlanned', 'Жоспарланған материалдар', 'Запланировано материалов', 'Media items planned'),
  col('mediaPublished', 'Жарияланған материалдар', 'Опубликовано материалов', 'Media items published'),
  col('mediaReach', 'Қамту', 'Охват', 'Reach'),
];

const FIGURES = `territory { code name(lang: $lang) } from to
  tarbieBilim { clubs clubMembers events eventsHeld participants }
  atameken { initiatives implementedInPeriod pledged spent complaintsFiled complaintsResolved complaintsOverdue }
  rukhaniQazyna { monuments monumentsWithInstalledQr scans routes }
  aqparatTolqyny { itemsPlanned published reach }`;

const figureRow = (f: any) => ({
  territory: f.territory.code,
  name: f.territory.name,
  from: f.from,
  to: f.to,
  ...f.tarbieBilim,
  ...f.atameken,
  ...f.rukhaniQazyna,
  mediaItemsPlanned: f.aqparatTolqyny.itemsPlanned,
  mediaPublished: f.aqparatTolqyny.published,
  mediaReach: f.aqparatTolqyny.reach,
});

export const DATASETS: Record<string, Dataset> = {
  /** programmeReport: the territory for the period, then each unit below it. */
  'programme-report': {
    columns: FIGURE_COLUMNS,
    needsPeriod: true,
    async *rows(execute, { territory, from, to }, lang: Lang) {
      const data = await execute(
        `query($territory: ID!, $from: String!, $to: String!, $lang: Lang!) { programmeReport(territory: $territory, from: $from, to: $to) { current { ${FIGURES} } children { ${FIGURES} } } }`,
        { territory, from, to, lang: lang.toUpperCase() },
      );
      yield figureRow(data.programmeReport.current);
      for (const child of data.programmeReport.children) yield figureRow(child);
    },
  },

  /** complaintTrend of the territory and of each unit below it, one row per territory and month. */
  'complaint-indicators': {
    columns: [
      col('territory', 'ӘАОЖ коды', 'Код КАТО', 'KATO code'),
      col('name', 'Аумақ', 'Территория', 'Territory'),
      col('month', 'Ай', 'Месяц', 'Month'),
      col('filed', 'Түскен шағымдар', 'Поступило жалоб', 'Complaints filed'),
      col('resolvedByState', 'Мемлекет шешкен', 'Решено государством', 'Resolved by the state'),
      col('resolvedByCitizens', 'Азаматтар шешкен', 'Решено гражданами', 'Resolved by citizens'),
      col('medianDaysToResolve', 'Шешу мерзімінің медианасы, күн', 'Медиана срока решения, дней', 'Median days to resolve'),
    ],
    needsPeriod: true,
    async *rows(execute, { territory, from, to }, lang: Lang) {
      const TREND = `code name(lang: $lang) complaintTrend(from: $from, to: $to) { month filed resolvedByState resolvedByCitizens medianDaysToResolve }`;
      const data = await execute(`query($territory: ID!, $from: String!, $to: String!, $lang: Lang!) { territory(code: $territory) { ${TREND} children { ${TREND} } } }`, {
        territory,
        from,
        to,
        lang: lang.toUpperCase(),
      });
      for (const t of [data.territory, ...data.territory.children]) {
        for (const m of t.complaintTrend ?? []) yield { territory: t.code, name: t.name, ...m };
      }
    },
  },

  /** The monument register of the territory (with its subtree; the country without one) and whether each has an installed QR code. */
  monuments: {
    columns: [
      col('id', 'Идентификатор', 'Идентификатор', 'Id'),
      col('name', 'Атауы', 'Название', 'Name'),
      col('type', 'Түрі', 'Тип', 'Type'),
      col('significance', 'Маңызы', 'Значение', 'Significance'),
      col('territory', 'ӘАОЖ коды', 'Код КАТО', 'KATO code'),
      col('onStateList', 'Мемлекеттік тізімде', 'В государственном списке', 'On the state list'),
      col('qrInstalled', 'QR-код орнатылған', 'QR-код установлен', 'QR code installed'),
      col('qrScans', 'QR сканерлеу', 'Сканирования QR', 'QR scans'),
    ],
    needsPeriod: false,
    async *rows(execute, { territory }, lang: Lang) {
      const query = `query($filter: MonumentFilter, $after: String, $lang: Lang!) { monuments(first: 500, after: $after, filter: $filter) {
        pageInfo { hasNextPage endCursor } nodes { id name(lang: $lang) type significance onStateList territory { code } qrCodes { installed scanCount } } } }`;
      for await (const m of pages(execute, query, { filter: { territory }, lang: lang.toUpperCase() }, (d) => d.monuments)) {
        yield {
          id: m.id,
          name: m.name,
          type: m.type,
          significance: m.significance,
          territory: m.territory.code,
          onStateList: m.onStateList,
          qrInstalled: m.qrCodes.some((q: { installed: boolean }) => q.installed),
          qrScans: m.qrCodes.reduce((sum: number, q: { scanCount: number }) => sum + q.scanCount, 0),
        };
      }
    },
  },

  /** Events of the territory (with its subtree; the country without one), starting in the period when one is given. */
  events: {
    columns: [
      col('id', 'Идентификатор', 'Идентификатор', 'Id'),
      col('title', 'Атауы', 'Название', 'Title'),
      col('kind', 'Түрі', 'Вид', 'Kind'),
      col('baseProject', 'Базалық жоба', 'Базовый проект', 'Base project'),
      col('status', 'Мәртебесі', 'Статус', 'Status'),
      col('startsAt', 'Басталуы', 'Начало', 'Starts at'),
      col('territory', 'ӘАОЖ коды', 'Код КАТО', 'KATO code'),
      col('registeredCount', 'Тіркелгендер', 'Зарегистрировано', 'Registered'),
    ],
    needsPeriod: false,
    async *rows(execute, { territory, from, to }, lang: Lang) {
      const query = `query($after: String, $lang: Lang!, $filter: EventFilter) { events(first: 500, after: $after, filter: $filter) {
        pageInfo { hasNextPage endCursor } nodes { id title(lang: $lang) kind baseProject status startsAt territory { code } registeredCount } } }`;
      const filter = { territory, ...(from ? { from: `${from}T00:00:00+05:00` } : {}), ...(to ? { to: `${to}T23:59:59.999+05:00` } : {}) };
      for await (const e of pages(execute, query, { lang: lang.toUpperCase(), filter }, (d) => d.events)) {
        yield { ...e, territory: e.territory.code };
      }
    },
  },

  /**
   * Complaints without anything that points at a person: no author, no text (it may name people),
   * no coordinates; the place is the KATO unit (a settlement at the lowest).
   */
  complaints: {
    columns: [
      col('id', 'Идентификатор', 'Идентификатор', 'Id'),
      col('topic', 'Тақырыбы', 'Тема', 'Topic'),
      col('status', 'Мәртебесі', 'Статус', 'Status'),
      col('createdAt', 'Түскен уақыты', 'Поступила', 'Filed at'),
      col('dueOn', 'Мерзімі', 'Срок', 'Due on'),
      col('resolvedAt', 'Шешілген уақыты', 'Решена', 'Resolved at'),
      col('overdue', 'Мерзімі өткен', 'Просрочена', 'Overdue'),
      col('territory', 'ӘАОЖ коды', 'Код КАТО', 'KATO code'),
    ],
    needsPeriod: false,
    async *rows(execute, { territory, from, to }) {
      const query = `query($filter: ComplaintFilter, $after: String) { complaints(first: 500, after: $after, filter: $filter) {
        pageInfo { hasNextPage endCursor } nodes { id topic status createdAt dueOn resolvedAt isOverdue territory { code } } } }`;
      const start = from ? Date.parse(`${from}T00:00:00+05:00`) : -Infinity;
      const end = to ? Date.parse(`${to}T23:59:59.999+05:00`) : Infinity;
      for await (const c of pages(execute, query, { filter: { territory } }, (d) => d.complaints)) {
        const filed = Date.parse(c.createdAt);
        if (filed < start || filed > end) continue;
        yield { id: c.id, topic: c.topic, status: c.status, createdAt: c.createdAt, dueOn: c.dueOn, resolvedAt: c.resolvedAt, overdue: c.isOverdue, territory: c.territory.code };
      }
    },
  },
};
