import type { NotificationLanguage, NotificationParams } from '@rz/contract';
import { kato } from '@rz/schema';

/** An inbox entry's texts, and the frontend link it opens. */
export interface RenderedNotification {
  title: string;
  body: string;
  /** Frontend path, e.g. `/complaints/<id>`. */
  path: string;
}

/** Renders a kind from its parameters (codes, numbers, published titles: never citizen free text). */
export type Template = (params: NotificationParams, lang: NotificationLanguage) => RenderedNotification;

/** A parameter as text; absent parameters (an older producer) render empty rather than "undefined". */
export function param(params: NotificationParams, name: string): string {
  const value = params[name];
  return value === null || value === undefined ? '' : String(value);
}

/** The territory's name in the language (Russian when there is no English one), or the code when unknown. */
export function territoryName(code: string, lang: NotificationLanguage): string {
  const node = code ? kato().find(code) : undefined;
  if (!node) return code;
  return node.names[lang] ?? node.names.ru;
}
