import type { Lang } from '../../core/language.ts';
import { boardEn, boardJa } from './board-words.ts';
import { commonEn, commonJa } from './common.ts';
import { planListEn, planListJa } from './plan-list-words.ts';
import { directoryEn, directoryJa } from './directory-words.ts';
import { publicEn, publicJa } from './public.ts';
import { staffEn, staffJa } from './staff.ts';
import { staffCollectEn, staffCollectJa } from './staff-collect.ts';
import { staffCycleEn, staffCycleJa } from './staff-cycle.ts';
import { staffAccountEn, staffAccountJa } from './staff-account.ts';
import { yearsEn, yearsJa } from './years-words.ts';
import { staffBulkEn, staffBulkJa } from './staff-bulk.ts';
import { staffMailEn, staffMailJa } from './staff-mail.ts';
import { staffHostEn, staffHostJa } from './staff-host.ts';
import { staffBulkImportEn, staffBulkImportJa } from './staff-bulk-import.ts';
import { indicatorEn, indicatorJa } from './indicator-words.ts';

/**
 * The web UI's one message catalog. Each area (the shell, the public pages, the staff pages) keeps its
 * words in its own file as `<area>Ja` and `<area>En`; Japanese is the master whose shape English must
 * fill, so a missing translation fails to compile. Areas share no keys (a test checks it), so the
 * merged catalog reads flat: `t(lang).navPlans`. The words of the report itself stay in
 * src/render/messages.ts, which is the reports' catalog.
 */
export const AREAS = {
  common: { ja: commonJa, en: commonEn },
  public: { ja: publicJa, en: publicEn },
  planList: { ja: planListJa, en: planListEn },
  directory: { ja: directoryJa, en: directoryEn },
  staff: { ja: staffJa, en: staffEn },
  staffCollect: { ja: staffCollectJa, en: staffCollectEn },
  staffCycle: { ja: staffCycleJa, en: staffCycleEn },
  staffAccount: { ja: staffAccountJa, en: staffAccountEn },
  years: { ja: yearsJa, en: yearsEn },
  board: { ja: boardJa, en: boardEn },
  staffBulk: { ja: staffBulkJa, en: staffBulkEn },
  staffMail: { ja: staffMailJa, en: staffMailEn },
  staffHost: { ja: staffHostJa, en: staffHostEn },
  staffBulkImport: { ja: staffBulkImportJa, en: staffBulkImportEn },
  indicators: { ja: indicatorJa, en: indicatorEn },
} as const;

const ja = {
  ...commonJa,
  ...publicJa,
  ...planListJa,
  ...directoryJa,
  ...staffJa,
  ...staffCollectJa,
  ...staffCycleJa,
  ...staffAccountJa,
  ...yearsJa,
  ...boardJa,
  ...staffBulkJa,
  ...staffMailJa,
  ...staffHostJa,
  ...staffBulkImportJa,
  ...indicatorJa,
};

export type WebMessages = typeof ja;

const en: WebMessages = {
  ...commonEn,
  ...publicEn,
  ...planListEn,
  ...directoryEn,
  ...staffEn,
  ...staffCollectEn,
  ...staffCycleEn,
  ...staffAccountEn,
  ...yearsEn,
  ...boardEn,
  ...staffBulkEn,
  ...staffMailEn,
  ...staffHostEn,
  ...staffBulkImportEn,
  ...indicatorEn,
};

export const catalog: Readonly<Record<Lang, WebMessages>> = { ja, en };

export function t(lang: Lang): WebMessages {
  return catalog[lang];
}
