import { Column } from 'typeorm';

const LANGUAGES = [
  ['Kk', 'kk'],
  ['Ru', 'ru'],
  ['En', 'en'],
] as const;

/**
 * Maps localized texts of an entity, one nullable text column per language: the prefix
 * `title` gives `titleKk` <-> `title_kk`, `titleRu` <-> `title_ru`, `titleEn` <-> `title_en`
 * (a camelCase prefix becomes snake_case). TypeScript learns of the properties from an
 * interface merged with the class: `export interface XEntity extends LocalizedColumns<'title'> {}`
 * (LocalizedColumns from @rz/schema, which localizedColumns/patchLocalized/localizedOf read).
 */
export function LocalizedTextColumns(...prefixes: string[]): ClassDecorator {
  return (target) => {
    for (const prefix of prefixes) {
      const column = prefix.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
      for (const [suffix, lang] of LANGUAGES) Column('text', { name: `${column}_${lang}`, nullable: true })(target.prototype, `${prefix}${suffix}`);
    }
  };
}
