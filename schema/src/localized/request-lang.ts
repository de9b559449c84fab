import { defaultFieldResolver, getNamedType, isObjectType, type GraphQLSchema } from 'graphql';
import { Lang } from './lang.enum';

/** What a subgraph context carries about the request's language (x-lang or Accept-Language). */
export interface RequestLanguage {
  lang?: Lang | null;
}

const LANGS = new Set<string>(Object.values(Lang));

/** A Lang from a header value such as "ru" or "EN"; undefined for anything else. */
export function parseLang(value: unknown): Lang | undefined {
  const lang = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return LANGS.has(lang) ? (lang as Lang) : undefined;
}

/**
 * Every field with a `lang: Lang` argument reads the request's language when the query does not
 * pass the argument: the schema keeps its default (KK) for requests that name no language.
 * Wraps only those fields, so other fields pay nothing.
 */
export function defaultLangFromRequest(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.some((arg) => arg.name === 'lang' && getNamedType(arg.type).name === 'Lang')) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: RequestLanguage | undefined, info) => {
        const lang = context?.lang;
        const explicit = info.fieldNodes.some((node) => node.arguments?.some((arg) => arg.name.value === 'lang'));
        return resolve(source, lang && !explicit ? { ...args, lang } : args, context, info);
      };
    }
  }
  return schema;
}
