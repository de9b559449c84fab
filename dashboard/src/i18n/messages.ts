import type {
  ComplaintActorRole,
  ComplaintStatus,
  ComplaintTopic,
  EventKind,
  EventStatus,
  FaceSphere,
  FaceStatus,
  MediaPlanStatus,
} from '@rz/client';

export type Lang = 'kk' | 'ru' | 'en';
export const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];

/**
 * Every label of the dashboard in one language. Enum labels are keyed by the API's enum types,
 * so a value the API adds fails the dashboard's type check until it is translated.
 */
export interface Messages {
  languageName: string;
  title: string;
  subtitle: string;
  sources: string;
  connection: { connecting: string; live: string; reconnecting: string };
  map: {
    heading: string;
    legendRed: string;
    legendGreen: string;
    legendSize: string;
    legendNumbers: string;
    loading: string;
    failed: string;
  };
  table: { region: string; filed: string; open: string; overdue: string; resolved: string };
  feed: { heading: string; empty: string; filed: string; by: string; resumed: string };
  region: {
    byStatus: string;
    trend: string;
    trendFiled: string;
    trendResolved: string;
    medianDays: string;
    withinDeadline: string;
    qr: string;
    qrOf: (installed: number, monuments: number) => string;
    events: string;
    clubs: string;
    mediaPlans: string;
    faces: string;
    late: string;
    quarter: (q: number) => string;
    wholeYear: string;
    none: string;
    close: string;
    loading: string;
    /** A part of the graph (one ministry's service) did not answer: its figures show as "–". */
    partial: string;
  };
  officer: {
    heading: string;
    hint: string;
    tokenLabel: string;
    show: string;
    forget: string;
    territory: string;
    republic: string;
    overdue: string;
    submitted: string;
    accepted: string;
    inProgress: string;
    due: (day: string) => string;
    more: string;
    empty: string;
    assignedToMe: string;
    refused: (message: string) => string;
  };
  months: readonly string[];
  status: Record<ComplaintStatus, string>;
  topic: Record<ComplaintTopic, string>;
  role: Record<ComplaintActorRole, string>;
  eventKind: Record<EventKind, string>;
  eventStatus: Record<EventStatus, string>;
  mediaPlanStatus: Record<MediaPlanStatus, string>;
  faceStatus: Record<FaceStatus, string>;
  faceSphere: Record<FaceSphere, string>;
}

const en: Messages = {
  languageName: 'English',
  title: 'Rukhani Zhangyru',
  subtitle: 'Civic control, live',
  sources: 'Map: Natural Earth (world-atlas). Places: GeoNames. Regions: KATO NK RK 11-2025.',
  connection: { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting… missed changes will follow' },
  map: {
    heading: 'The country at a glance',
    legendRed: 'Overdue: open complaints past their due day',
    legendGreen: 'On time: no open complaint is overdue',
    legendSize: 'Circle size: complaints filed in the last three years',
    legendNumbers: 'Numbers: open / overdue',
    loading: 'Loading figures…',
    failed: 'The figures could not be loaded',
  },
  table: { region: 'Region', filed: 'Filed', open: 'Open', overdue: 'Overdue', resolved: 'Resolved' },
  feed: {
    heading: 'Live feed',
    empty: 'No changes yet: they appear here as they happen.',
    filed: 'filed',
    by: 'by',
    resumed: 'Reconnected: changes missed while offline were replayed.',
  },
  region: {
    byStatus: 'Complaints by status',
    trend: 'Monthly trend, last 12 months',
    trendFiled: 'filed',
    trendResolved: 'resolved',
    medianDays: 'Median days to resolve',
    withinDeadline: 'Resolved within deadline',
    qr: 'QR codes on monuments',
    qrOf: (installed, monuments) => `${installed} of ${monuments} monuments`,
    events: 'Local history events',
    clubs: 'Local history clubs',
    mediaPlans: 'Media plans',
    faces: '100 new faces',
    late: 'late',
    quarter: (q) => `Q${q}`,
    wholeYear: 'year',
    none: 'none yet',
    close: 'Close',
    loading: 'Loading the region…',
    partial: 'Some figures are unavailable for now and show as “–”.',
  },
  officer: {
    heading: "Officer's work list",
    hint: 'Paste the access token you were issued; it stays in this tab only.',
    tokenLabel: 'Access token',
    show: 'Show my work list',
    forget: 'Forget the token',
    territory: 'Territory',
    republic: 'the whole republic',
    overdue: 'Overdue',
    submitted: 'New',
    accepted: 'Accepted',
    inProgress: 'In progress',
    due: (day) => `due ${day}`,
    more: 'Show more',
    empty: 'Nothing here',
    assignedToMe: 'assigned to me',
    refused: (message) => `The token was refused: ${message}`,
  },
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  status: {
    SUBMITTED: 'Submitted',
    ACCEPTED: 'Accepted',
    IN_PROGRESS: 'In progress',
    RESOLVED: 'Resolved by state bodies',
    RESOLVED_BY_CITIZENS: 'Resolved by citizens',
    REJECTED: 'Rejected',
    DUPLICATE: 'Duplicate',
  },
  topic: {
    HOUSING_AND_UTILITIES: 'Housing and utilities',
    ROADS: 'Roads',
    TRANSPORT: 'Transport',
    ECOLOGY: 'Ecology',
    PUBLIC_AMENITIES: 'Public amenities',
    MONUMENT_DAMAGE: 'Damage to a monument',
    OTHER: 'Other',
  },
  role: {
    CITIZEN: 'citizen',
    VOLUNTEER: 'volunteer',
    NGO: 'NGO',
    PATRON: 'patron',
    AKIMAT_OFFICER: 'akimat officer',
    PROJECT_OFFICE: 'project office',
    MINISTRY_EDITOR: 'ministry',
    ADMIN: 'administrator',
  },
  eventKind: {
    COMPETITION: 'Competition',
    OLYMPIAD: 'Olympiad',
    YOUNG_HISTORIANS_RALLY: 'Rally of young historians',
    CONFERENCE: 'Conference',
    EXCURSION: 'Excursion',
    MUSEUM_LESSON: 'Museum lesson',
    WEEK_IN_THE_VILLAGE: 'A week in the village',
    WEEK_IN_THE_CITY: 'A week in the city',
    MASTER_CLASS: 'Master class',
    WEBINAR: 'Webinar',
    EXPEDITION: 'Expedition',
  },
  eventStatus: {
    PLANNED: 'Planned',
    REGISTRATION_OPEN: 'Registration open',
    ONGOING: 'Ongoing',
    COMPLETED: 'Completed',
    CANCELLED: 'Cancelled',
  },
  mediaPlanStatus: { DRAFT: 'Draft', SUBMITTED: 'Submitted', APPROVED: 'Approved', RETURNED: 'Returned' },
  faceStatus: { NOMINATED: 'Nominated', SHORTLISTED: 'Shortlisted', SELECTED: 'Selected', FEATURED: 'Featured', DECLINED: 'Declined' },
  faceSphere: {
    BUSINESS: 'Business',
    CULTURE: 'Culture',
    SCIENCE: 'Science',
    SPORT: 'Sport',
    EDUCATION: 'Education',
    MEDICINE: 'Medicine',
    PUBLIC_SERVICE: 'Public service',
    VOLUNTEERING: 'Volunteering',
    OTHER: 'Other',
  },
};

const ru: Messages = {
  languageName: 'Русский',
  title: 'Рухани жаңғыру',
  subtitle: 'Гражданский контроль в реальном времени',
  sources: 'Карта: Natural Earth (world-atlas). Центры: GeoNames. Регионы: КАТО НК РК 11-2025.',
  connection: { connecting: 'Подключение…', live: 'В эфире', reconnecting: 'Переподключение… пропущенное догрузится' },
  map: {
    heading: 'Страна на одном экране',
    legendRed: 'Просрочка: открытые обращения после срока',
    legendGreen: 'В срок: просроченных открытых обращений нет',
    legendSize: 'Размер круга: обращения за последние три года',
    legendNumbers: 'Числа: открытые / просроченные',
    loading: 'Загрузка показателей…',
    failed: 'Не удалось загрузить показатели',
  },
  table: { region: 'Регион', filed: 'Подано', open: 'Открыто', overdue: 'Просрочено', resolved: 'Решено' },
  feed: {
    heading: 'Лента изменений',
    empty: 'Изменений пока нет: они появятся здесь сразу.',
    filed: 'подано',
    by: '—',
    resumed: 'Связь восстановлена: изменения за время разрыва догружены.',
  },
  region: {
    byStatus: 'Обращения по статусам',
    trend: 'По месяцам, последние 12 месяцев',
    trendFiled: 'подано',
    trendResolved: 'решено',
    medianDays: 'Медиана дней до решения',
    withinDeadline: 'Решено в срок',
    qr: 'QR-коды на памятниках',
    qrOf: (installed, monuments) => `${installed} из ${monuments} памятников`,
    events: 'Краеведческие мероприятия',
    clubs: 'Краеведческие кружки',
    mediaPlans: 'Медиапланы',
    faces: '100 новых лиц',
    late: 'просрочен',
    quarter: (q) => `${q} кв.`,
    wholeYear: 'год',
    none: 'пока нет',
    close: 'Закрыть',
    loading: 'Загрузка региона…',
    partial: 'Часть показателей сейчас недоступна и показана как «–».',
  },
  officer: {
    heading: 'Рабочий список сотрудника',
    hint: 'Вставьте выданный вам токен доступа; он хранится только в этой вкладке.',
    tokenLabel: 'Токен доступа',
    show: 'Показать мой список',
    forget: 'Забыть токен',
    territory: 'Территория',
    republic: 'вся республика',
    overdue: 'Просроченные',
    submitted: 'Новые',
    accepted: 'Принятые',
    inProgress: 'В работе',
    due: (day) => `срок ${day}`,
    more: 'Показать ещё',
    empty: 'Пусто',
    assignedToMe: 'назначено мне',
    refused: (message) => `Токен отклонён: ${message}`,
  },
  months: ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
  status: {
    SUBMITTED: 'Подано',
    ACCEPTED: 'Принято',
    IN_PROGRESS: 'В работе',
    RESOLVED: 'Решено госорганами',
    RESOLVED_BY_CITIZENS: 'Решено жителями',
    REJECTED: 'Отклонено',
    DUPLICATE: 'Дубликат',
  },
  topic: {
    HOUSING_AND_UTILITIES: 'ЖКХ',
    ROADS: 'Дороги',
    TRANSPORT: 'Транспорт',
    ECOLOGY: 'Экология',
    PUBLIC_AMENITIES: 'Благоустройство',
    MONUMENT_DAMAGE: 'Повреждение памятника',
    OTHER: 'Другое',
  },
  role: {
    CITIZEN: 'житель',
    VOLUNTEER: 'волонтёр',
    NGO: 'НПО',
    PATRON: 'меценат',
    AKIMAT_OFFICER: 'сотрудник акимата',
    PROJECT_OFFICE: 'проектный офис',
    MINISTRY_EDITOR: 'министерство',
    ADMIN: 'администратор',
  },
  eventKind: {
    COMPETITION: 'Конкурс',
    OLYMPIAD: 'Олимпиада',
    YOUNG_HISTORIANS_RALLY: 'Слёт юных историков',
    CONFERENCE: 'Конференция',
    EXCURSION: 'Экскурсия',
    MUSEUM_LESSON: 'Музейный урок',
    WEEK_IN_THE_VILLAGE: 'Неделя в ауле',
    WEEK_IN_THE_CITY: 'Неделя в городе',
    MASTER_CLASS: 'Мастер-класс',
    WEBINAR: 'Вебинар',
    EXPEDITION: 'Экспедиция',
  },
  eventStatus: {
    PLANNED: 'Запланировано',
    REGISTRATION_OPEN: 'Идёт регистрация',
    ONGOING: 'Проходит',
    COMPLETED: 'Завершено',
    CANCELLED: 'Отменено',
  },
  mediaPlanStatus: { DRAFT: 'Черновик', SUBMITTED: 'На рассмотрении', APPROVED: 'Утверждён', RETURNED: 'Возвращён' },
  faceStatus: { NOMINATED: 'Выдвинут', SHORTLISTED: 'В шорт-листе', SELECTED: 'Отобран', FEATURED: 'Представлен в СМИ', DECLINED: 'Отклонён' },
  faceSphere: {
    BUSINESS: 'Бизнес',
    CULTURE: 'Культура',
    SCIENCE: 'Наука',
    SPORT: 'Спорт',
    EDUCATION: 'Образование',
    MEDICINE: 'Медицина',
    PUBLIC_SERVICE: 'Госслужба',
    VOLUNTEERING: 'Волонтёрство',
    OTHER: 'Другое',
  },
};

const kk: Messages = {
  languageName: 'Қазақша',
  title: 'Рухани жаңғыру',
  subtitle: 'Азаматтық бақылау нақты уақытта',
  sources: 'Карта: Natural Earth (world-atlas). Орталықтар: GeoNames. Өңірлер: ӘАОЖ ҚР ҰЖ 11-2025.',
  connection: { connecting: 'Қосылуда…', live: 'Тікелей эфир', reconnecting: 'Қайта қосылуда… өткізіп алғандар жүктеледі' },
  map: {
    heading: 'Ел бір экранда',
    legendRed: 'Мерзімі өткен: мерзімінен кейін ашық тұрған өтініштер',
    legendGreen: 'Мерзімінде: мерзімі өткен ашық өтініш жоқ',
    legendSize: 'Шеңбер өлшемі: соңғы үш жылда берілген өтініштер',
    legendNumbers: 'Сандар: ашық / мерзімі өткен',
    loading: 'Көрсеткіштер жүктелуде…',
    failed: 'Көрсеткіштерді жүктеу мүмкін болмады',
  },
  table: { region: 'Өңір', filed: 'Берілді', open: 'Ашық', overdue: 'Мерзімі өткен', resolved: 'Шешілді' },
  feed: {
    heading: 'Өзгерістер ағыны',
    empty: 'Әзірге өзгеріс жоқ: олар осында бірден пайда болады.',
    filed: 'берілді',
    by: '—',
    resumed: 'Байланыс қалпына келді: үзіліс кезіндегі өзгерістер жүктелді.',
  },
  region: {
    byStatus: 'Мәртебесі бойынша өтініштер',
    trend: 'Айлар бойынша, соңғы 12 ай',
    trendFiled: 'берілді',
    trendResolved: 'шешілді',
    medianDays: 'Шешуге кеткен күндер медианасы',
    withinDeadline: 'Мерзімінде шешілді',
    qr: 'Ескерткіштердегі QR-кодтар',
    qrOf: (installed, monuments) => `${monuments} ескерткіштің ${installed}`,
    events: 'Өлкетану іс-шаралары',
    clubs: 'Өлкетану үйірмелері',
    mediaPlans: 'Медиажоспарлар',
    faces: '100 жаңа есім',
    late: 'кешіктірілген',
    quarter: (q) => `${q}-тоқсан`,
    wholeYear: 'жыл',
    none: 'әзірге жоқ',
    close: 'Жабу',
    loading: 'Өңір жүктелуде…',
    partial: 'Кейбір көрсеткіштер қазір қолжетімсіз, олар «–» ретінде көрсетілген.',
  },
  officer: {
    heading: 'Қызметкердің жұмыс тізімі',
    hint: 'Сізге берілген қолжетімділік токенін қойыңыз; ол тек осы қойындыда сақталады.',
    tokenLabel: 'Қолжетімділік токені',
    show: 'Менің тізімімді көрсету',
    forget: 'Токенді ұмыту',
    territory: 'Аумақ',
    republic: 'бүкіл республика',
    overdue: 'Мерзімі өткен',
    submitted: 'Жаңа',
    accepted: 'Қабылданған',
    inProgress: 'Орындалуда',
    due: (day) => `мерзімі ${day}`,
    more: 'Тағы көрсету',
    empty: 'Бос',
    assignedToMe: 'маған бекітілген',
    refused: (message) => `Токен қабылданбады: ${message}`,
  },
  months: ['қаң', 'ақп', 'нау', 'сәу', 'мам', 'мау', 'шіл', 'там', 'қыр', 'қаз', 'қар', 'жел'],
  status: {
    SUBMITTED: 'Жіберілді',
    ACCEPTED: 'Қабылданды',
    IN_PROGRESS: 'Орындалуда',
    RESOLVED: 'Мемлекеттік органдар шешті',
    RESOLVED_BY_CITIZENS: 'Тұрғындар өздері шешті',
    REJECTED: 'Қабылданбады',
    DUPLICATE: 'Қайталама',
  },
  topic: {
    HOUSING_AND_UTILITIES: 'Тұрғын үй-коммуналдық шаруашылық',
    ROADS: 'Жолдар',
    TRANSPORT: 'Көлік',
    ECOLOGY: 'Экология',
    PUBLIC_AMENITIES: 'Абаттандыру',
    MONUMENT_DAMAGE: 'Ескерткішке зақым',
    OTHER: 'Басқа',
  },
  role: {
    CITIZEN: 'тұрғын',
    VOLUNTEER: 'волонтер',
    NGO: 'ҮЕҰ',
    PATRON: 'демеуші',
    AKIMAT_OFFICER: 'әкімдік қызметкері',
    PROJECT_OFFICE: 'жобалық кеңсе',
    MINISTRY_EDITOR: 'министрлік',
    ADMIN: 'әкімші',
  },
  eventKind: {
    COMPETITION: 'Байқау',
    OLYMPIAD: 'Олимпиада',
    YOUNG_HISTORIANS_RALLY: 'Жас тарихшылар слеті',
    CONFERENCE: 'Конференция',
    EXCURSION: 'Экскурсия',
    MUSEUM_LESSON: 'Мұражай сабағы',
    WEEK_IN_THE_VILLAGE: 'Ауылдағы апта',
    WEEK_IN_THE_CITY: 'Қаладағы апта',
    MASTER_CLASS: 'Шеберлік сыныбы',
    WEBINAR: 'Вебинар',
    EXPEDITION: 'Экспедиция',
  },
  eventStatus: {
    PLANNED: 'Жоспарланған',
    REGISTRATION_OPEN: 'Тіркеу ашық',
    ONGOING: 'Өтуде',
    COMPLETED: 'Аяқталды',
    CANCELLED: 'Тоқтатылды',
  },
  mediaPlanStatus: { DRAFT: 'Қаралама', SUBMITTED: 'Қарауда', APPROVED: 'Бекітілді', RETURNED: 'Қайтарылды' },
  faceStatus: { NOMINATED: 'Ұсынылды', SHORTLISTED: 'Қысқа тізімде', SELECTED: 'Іріктелді', FEATURED: 'БАҚ-та таныстырылды', DECLINED: 'Қабылданбады' },
  faceSphere: {
    BUSINESS: 'Бизнес',
    CULTURE: 'Мәдениет',
    SCIENCE: 'Ғылым',
    SPORT: 'Спорт',
    EDUCATION: 'Білім беру',
    MEDICINE: 'Медицина',
    PUBLIC_SERVICE: 'Мемлекеттік қызмет',
    VOLUNTEERING: 'Волонтерлік',
    OTHER: 'Басқа',
  },
};

export const MESSAGES: Record<Lang, Messages> = { kk, ru, en };
