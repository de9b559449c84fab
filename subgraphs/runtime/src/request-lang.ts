import { FALLBACK_ORDER, Lang, parseLang } from '@rz/schema';
import type { Request } from 'express';

/**
 * The request's language: `x-lang` when it names kk, ru or en; else the best of Accept-Language
 * among ours, English for a reader who asks only for other languages; null without a preference.
 */
export function requestLang(req: Request): Lang | null {
  const named = parseLang(req.get('x-lang'));
  if (named) return named;
  // No header, or "*" (what fetch sends by default): no preference.
  if (!/[a-z]/i.test(req.get('accept-language') ?? '')) return null;
  return parseLang(req.acceptsLanguages(...FALLBACK_ORDER)) ?? Lang.EN;
}
