import { localizedColumns, localizedOf, patchLocalized, type LocalizedColumns } from './localized-columns';

describe('localized columns', () => {
  it('stores an input trimmed, a blank or missing language as null', () => {
    expect(localizedColumns('title', { kk: ' Той ', ru: '  ', en: undefined })).toEqual({ titleKk: 'Той', titleRu: null, titleEn: null });
    expect(localizedColumns('caption', null)).toEqual({ captionKk: null, captionRu: null, captionEn: null });
  });

  it('reads a row\'s columns back as a text', () => {
    const row = { nameKk: 'Ақ мешіт', nameRu: null, nameEn: 'White mosque', other: 1 };
    expect(localizedOf(row, 'name')).toEqual({ kk: 'Ақ мешіт', ru: null, en: 'White mosque' });
  });

  it('patches the languages given (a blank one clears), keeps those left out or null, and returns the text now held', () => {
    const row: LocalizedColumns<'title'> = { titleKk: 'Ескі', titleRu: 'Старое', titleEn: 'Old' };
    expect(patchLocalized(row, 'title', { kk: ' Жаңа ', ru: null, en: ' ' })).toEqual({ kk: 'Жаңа', ru: 'Старое', en: null });
    expect(row).toEqual({ titleKk: 'Жаңа', titleRu: 'Старое', titleEn: null });
  });
});
