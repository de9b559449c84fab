import type { Localized } from './localized-text';

/** A text stored as one nullable column per language: `titleKk`, `titleRu`, `titleEn` for the prefix `title`. */
export type LocalizedColumns<P extends string> = { [K in `${P}Kk` | `${P}Ru` | `${P}En`]: string | null };

/** A language is stored trimmed; a blank one as null, so the kk -> ru -> en fallback skips it. */
function clean(text: string | null | undefined): string | null {
  return text?.trim() || null;
}

/** The text a row holds in the columns of `prefix` (for output fields and pickLocalized). */
export function localizedOf<P extends string>(row: LocalizedColumns<P>, prefix: P): { kk: string | null; ru: string | null; en: string | null } {
  return { kk: row[`${prefix}Kk`], ru: row[`${prefix}Ru`], en: row[`${prefix}En`] };
}

/** Column values for a text from an input (a missing text stores nothing in any language). */
export function localizedColumns<P extends string>(prefix: P, text: Localized | null | undefined): LocalizedColumns<P> {
  return { [`${prefix}Kk`]: clean(text?.kk), [`${prefix}Ru`]: clean(text?.ru), [`${prefix}En`]: clean(text?.en) } as LocalizedColumns<P>;
}

/**
 * Applies a partial update to the row's columns of `prefix` and returns the text now held:
 * a language given replaces the stored one (a blank one clears it), a language left out
 * (or null) keeps its value.
 */
export function patchLocalized<P extends string>(row: LocalizedColumns<P>, prefix: P, patch: Localized): Localized {
  const current = localizedOf(row, prefix);
  const keep = (lang: keyof Localized) => (patch[lang] === undefined || patch[lang] === null ? current[lang] : patch[lang]);
  Object.assign(row, localizedColumns(prefix, { kk: keep('kk'), ru: keep('ru'), en: keep('en') }));
  return localizedOf(row, prefix);
}
