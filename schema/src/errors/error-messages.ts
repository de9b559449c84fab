import type { DomainErrorCode } from '@rz/contract';
import { Lang } from '../localized/lang.enum';

type Texts = Partial<Record<Lang, string>>;

/**
 * Domain error messages in Kazakh and Russian, in one place. The most specific entry wins:
 * `CODE:reason` (a CONFLICT's reason), then `CODE:detail` (a detail the error carries, such as
 * acceptedCode), then `CODE:field`, then `CODE`. `{name}` is filled from the error's details.
 * English readers keep the service's own message, which says the most.
 */
const MESSAGES: Record<string, Texts> = {
  BAD_USER_INPUT: { kk: '«{field}» өрісінің мәні жарамсыз', ru: 'Недопустимое значение поля «{field}»' },
  'BAD_USER_INPUT:acceptedCode': {
    kk: '{territoryCode} коды мұнда қабылданбайды: оның орнына {acceptedCode} кодын қолданыңыз',
    ru: 'Код {territoryCode} здесь не принимается: используйте {acceptedCode}',
  },
  'BAD_USER_INPUT:territoryCode': {
    kk: '«{territoryCode}» коды ҚАТО сыныптауышында жоқ',
    ru: 'Кода «{territoryCode}» нет в классификаторе КАТО',
  },
  NOT_FOUND: { kk: 'Табылмады: {entity} {id}', ru: 'Не найдено: {entity} {id}' },
  UNAUTHENTICATED: { kk: 'Бұл әрекет үшін жүйеге кіріңіз', ru: 'Войдите, чтобы выполнить это действие' },
  FORBIDDEN: { kk: 'Бұл әрекетке құқығыңыз жоқ', ru: 'У вас нет прав на это действие' },
  INVALID_TRANSITION: { kk: '{from} күйінен {to} күйіне өтуге болмайды', ru: 'Нельзя перейти из статуса {from} в {to}' },
  CONFLICT: { kk: 'Әрекет жазбаның қазіргі күйіне сәйкес келмейді', ru: 'Действие не согласуется с текущим состоянием записи' },
  'CONFLICT:EVENT_FULL': { kk: 'Іс-шарада бос орын жоқ, күту тізімі жүргізілмейді', ru: 'Мест нет, а лист ожидания не ведётся' },
  'CONFLICT:REGISTRATION_CLOSED': { kk: 'Іс-шараға тіркелу ашық емес', ru: 'Регистрация на мероприятие не открыта' },
  'CONFLICT:ALREADY_REGISTERED': { kk: 'Сіз бұл іс-шараға тіркелгенсіз', ru: 'Вы уже зарегистрированы на это мероприятие' },
  'CONFLICT:ALREADY_CANCELLED': { kk: 'Тіркеу бұрын тоқтатылған', ru: 'Регистрация уже отменена' },
  'CONFLICT:EVENT_CLOSED': { kk: 'Іс-шара аяқталған: тіркеулерді өзгертуге болмайды', ru: 'Мероприятие завершено: регистрации больше не меняются' },
  'CONFLICT:COMPLAINT_CLOSED': { kk: 'Өтініш жабылған: файлдар ол ашық кезде ғана қосылады', ru: 'Обращение закрыто: файлы добавляются, пока оно открыто' },
  CURSOR_EXPIRED: {
    kk: 'Курсордың мерзімі өтті: деректерді қайта жүктеп, қайта жазылыңыз',
    ru: 'Курсор устарел: загрузите текущее состояние и подпишитесь заново',
  },
};

/** Details that pick a more specific message when present. */
const DETAILED = ['acceptedCode', 'territoryCode'];

/**
 * The message of a domain error in the reader's language, or null to keep the service's
 * (English, or no entry for this code).
 */
export function localizedErrorMessage(code: DomainErrorCode | string, details: Record<string, unknown>, lang: Lang): string | null {
  if (lang === Lang.EN) return null;
  const keys = [
    typeof details.reason === 'string' ? `${code}:${details.reason}` : null,
    ...DETAILED.filter((name) => details[name] !== undefined).map((name) => `${code}:${name}`),
    typeof details.field === 'string' ? `${code}:${details.field}` : null,
    code,
  ];
  for (const key of keys) {
    const text = key ? MESSAGES[key]?.[lang] : undefined;
    if (text) return text.replace(/\{(\w+)\}/g, (_, name: string) => String(details[name] ?? '')).replace(/\s+/g, ' ').trim();
  }
  return null;
}
