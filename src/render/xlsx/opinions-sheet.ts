import type { Worksheet } from 'exceljs';
import type { OpinionItem } from '../opinions.ts';
import type { Messages } from '../messages.ts';
import { setWidths, styleHeader } from './style.ts';

/** 委員会意見: one row per opinion published with the edition, its KPI and the day it was written. */
export function writeOpinionsSheet(
  sheet: Worksheet,
  items: readonly OpinionItem[],
  messages: Messages,
): void {
  const c = messages.opinionColumns;
  const header = [c.kpi, c.text, c.date];
  sheet.addRow(header);
  styleHeader(sheet.getRow(1), 1, header.length);
  setWidths(sheet, { 1: 36, 2: 90, 3: 14 });
  for (const item of items) {
    const row = sheet.addRow([item.kpi, item.text, item.date]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
}
