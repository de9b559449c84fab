import { FALLBACK_ORDER, Lang } from '@rz/schema';

/** The public portal's page of a monument in one language. */
export function monumentPageUrl(baseUrl: string, lang: Lang, monumentId: string): string {
  return `${baseUrl}/${lang}/monuments/${encodeURIComponent(monumentId)}`;
}

/** What a QR code encodes: scanning it opens this address. */
export function qrCodeUrl(baseUrl: string, code: string): string {
  return `${baseUrl}/q/${encodeURIComponent(code)}`;
}

export function qrImageUrl(baseUrl: string, code: string, format: 'svg' | 'png'): string {
  return `${qrCodeUrl(baseUrl, code)}.${format}`;
}

/**
 * The reader's language from Accept-Language (already negotiated by the caller, or
 * false when it offers none of ours). A browser that asks only for other languages
 * is a foreign visitor and gets English (seed 002); no preference at all gets the
 * programme's fallback order's first.
 */
export function readerLang(negotiated: string | false | undefined, acceptLanguage?: string): Lang {
  const wanted = typeof negotiated === 'string' ? negotiated.toLowerCase() : '';
  const ours = FALLBACK_ORDER.find((lang) => lang === wanted);
  if (ours) return ours;
  return negotiated === false && acceptLanguage?.trim() ? Lang.EN : FALLBACK_ORDER[0];
}
