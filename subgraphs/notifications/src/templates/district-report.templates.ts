import type { NotificationLanguage } from '@rz/contract';
import { param, territoryName, type Template } from './template';

/** params: reportId, territoryCode, periodStart, periodEnd. */
export const districtReportReturned: Template = (params, lang) => {
  const place = territoryName(param(params, 'territoryCode'), lang);
  const period = `${param(params, 'periodStart')} – ${param(params, 'periodEnd')}`;
  const texts: Record<NotificationLanguage, { title: string; body: string }> = {
    kk: { title: 'Есеп қайтарылды', body: `Өңірлік жобалық кеңсе ${place} есебін (${period}) ескертулермен қайтарды. Ескертулер есеп бетінде.` },
    ru: { title: 'Отчёт возвращён', body: `Региональный проектный офис вернул отчёт (${place}, ${period}) с замечаниями. Замечания — на странице отчёта.` },
    en: { title: 'Report returned', body: `The regional project office returned the report (${place}, ${period}) with remarks. See them on the report's page.` },
  };
  return { ...texts[lang], path: `/district-reports/${param(params, 'reportId')}` };
};
