import { Lang } from '../localized/lang.enum';
import { localizedErrorMessage } from './error-messages';

describe('domain error messages in the reader\'s language', () => {
  it('takes the most specific entry: reason, then a detail, then the code; fills in the details', () => {
    expect(localizedErrorMessage('CONFLICT', { reason: 'EVENT_FULL', field: 'eventId' }, Lang.RU)).toBe('Мест нет, а лист ожидания не ведётся');
    expect(localizedErrorMessage('CONFLICT', { reason: 'SOMETHING_NEW' }, Lang.KK)).toBe('Әрекет жазбаның қазіргі күйіне сәйкес келмейді');
    expect(localizedErrorMessage('BAD_USER_INPUT', { field: 'input.territory', territoryCode: '611010000', acceptedCode: '611000000' }, Lang.RU)).toBe(
      'Код 611010000 здесь не принимается: используйте 611000000',
    );
    expect(localizedErrorMessage('BAD_USER_INPUT', { field: 'code', territoryCode: '999999999' }, Lang.KK)).toBe('«999999999» коды ҚАТО сыныптауышында жоқ');
    expect(localizedErrorMessage('BAD_USER_INPUT', { field: 'input.title.kk' }, Lang.KK)).toBe('«input.title.kk» өрісінің мәні жарамсыз');
    expect(localizedErrorMessage('INVALID_TRANSITION', { from: 'DRAFT', to: 'APPROVED' }, Lang.RU)).toBe('Нельзя перейти из статуса DRAFT в APPROVED');
  });

  it('keeps the service\'s English message for English readers and unknown codes', () => {
    expect(localizedErrorMessage('FORBIDDEN', {}, Lang.EN)).toBeNull();
    expect(localizedErrorMessage('SOMETHING_ELSE', {}, Lang.RU)).toBeNull();
  });
});
