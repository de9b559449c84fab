import { registerEnumType } from 'type-graphql';

export enum Lang {
  KK = 'kk',
  RU = 'ru',
  EN = 'en',
}

registerEnumType(Lang, { name: 'Lang', description: 'Kazakh, Russian or English' });

/** Readers fall back kk -> ru -> en when their language is missing. */
export const FALLBACK_ORDER: readonly Lang[] = [Lang.KK, Lang.RU, Lang.EN];
