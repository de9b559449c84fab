import { Lang } from '@rz/schema';
import { escapeHtml } from '../qr-code/qr-code.pages';

const LABELS: Record<Lang, { title: string; notFound: string; notFoundText: string; period: string; otherLanguages: string }> = {
  [Lang.KK]: { title: 'Рухани Қазына', notFound: 'Ескерткіш табылмады', notFoundText: 'Мұндай ескерткіш тіркелмеген.', period: 'Кезеңі', otherLanguages: 'Басқа тілдер' },
  [Lang.RU]: { title: 'Рухани Қазына', notFound: 'Памятник не найден', notFoundText: 'Такой памятник не зарегистрирован.', period: 'Период', otherLanguages: 'Другие языки' },
  [Lang.EN]: { title: 'Rukhani Qazyna', notFound: 'Monument not found', notFoundText: 'No such monument is registered.', period: 'Period', otherLanguages: 'Other languages' },
};

const LANGUAGE_NAMES: Record<Lang, string> = { [Lang.KK]: 'Қазақша', [Lang.RU]: 'Русский', [Lang.EN]: 'English' };

function page(lang: Lang, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · ${LABELS[lang].title}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
${body}
</body>
</html>
`;
}

export interface MonumentPageContent {
  name: string;
  description: string | null;
  period: string | null;
  /** Links to the same page in the other languages. */
  alternates: { lang: Lang; url: string }[];
}

/** The public page of a monument in one language (what a QR plate leads to). */
export function monumentPage(lang: Lang, monument: MonumentPageContent): string {
  const labels = LABELS[lang];
  return page(
    lang,
    monument.name,
    `<h1>${escapeHtml(monument.name)}</h1>
${monument.period ? `<p><strong>${labels.period}:</strong> ${escapeHtml(monument.period)}</p>` : ''}
${monument.description ? `<p>${escapeHtml(monument.description)}</p>` : ''}
<nav><p>${labels.otherLanguages}: ${monument.alternates.map((a) => `<a href="${escapeHtml(a.url)}" hreflang="${a.lang}" lang="${a.lang}">${LANGUAGE_NAMES[a.lang]}</a>`).join(' · ')}</p></nav>`,
  );
}

export function monumentNotFoundPage(lang: Lang): string {
  const labels = LABELS[lang];
  return page(lang, labels.notFound, `<h1>${labels.notFound}</h1>\n<p>${labels.notFoundText}</p>`);
}
