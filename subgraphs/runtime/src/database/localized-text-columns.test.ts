import { getMetadataArgsStorage } from 'typeorm';
import { LocalizedTextColumns } from './localized-text-columns';

@LocalizedTextColumns('title', 'stopLabel')
class Row {
  id: string;
}

describe('LocalizedTextColumns', () => {
  it('maps a nullable text column per language and prefix, snake_case in the database', () => {
    const columns = getMetadataArgsStorage()
      .filterColumns(Row)
      .map((c) => [c.propertyName, c.options.name, c.options.type, c.options.nullable]);
    expect(columns).toEqual([
      ['titleKk', 'title_kk', 'text', true],
      ['titleRu', 'title_ru', 'text', true],
      ['titleEn', 'title_en', 'text', true],
      ['stopLabelKk', 'stop_label_kk', 'text', true],
      ['stopLabelRu', 'stop_label_ru', 'text', true],
      ['stopLabelEn', 'stop_label_en', 'text', true],
    ]);
  });
});
