/** Minimal public pages for /q/ links; nothing from the request is echoed back. */

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="kk">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
${body}
</body>
</html>
`;
}

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function qrNotFoundPage(portalUrl: string): string {
  return page(
    'QR код табылмады · QR-код не найден · QR code not found',
    `<h1>QR код табылмады</h1>
<p>Бұл код тіркелмеген немесе қате оқылды. Кодты қайта сканерлеп көріңіз.</p>
<h1 lang="ru">QR-код не найден</h1>
<p lang="ru">Этот код не зарегистрирован или прочитан с ошибкой. Попробуйте отсканировать его ещё раз.</p>
<h1 lang="en">QR code not found</h1>
<p lang="en">This code is not registered or was misread. Try scanning it again.</p>
<p><a href="${escapeHtml(portalUrl)}/">Рухани Қазына</a></p>`,
  );
}

export function qrUnavailablePage(): string {
  return page(
    'Қызмет уақытша қолжетімсіз · Сервис временно недоступен · Service temporarily unavailable',
    `<h1>Қызмет уақытша қолжетімсіз</h1>
<p>Бірнеше минуттан кейін қайталап көріңіз.</p>
<h1 lang="ru">Сервис временно недоступен</h1>
<p lang="ru">Попробуйте ещё раз через несколько минут.</p>
<h1 lang="en">Service temporarily unavailable</h1>
<p lang="en">Please try again in a few minutes.</p>`,
  );
}
