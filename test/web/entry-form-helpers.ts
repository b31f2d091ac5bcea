import { loadStoredPlan } from '../../src/store/plan-repository.ts';
import { fieldValue, PLAN, type StaffClient } from './staff-helpers.ts';

export const kpiPath = (kpi: string, year = 'R5') => `/staff/plans/${PLAN}/${year}/kpis/${kpi}`;

export const selected = (html: string, name: string): string | null => {
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1];
  return select ? (/<option value="([^"]*)" selected/.exec(select)?.[1] ?? null) : null;
};

/**
 * The entry form's fields as the page serves them: what a browser would send. A confirmation box is
 * sent only when a test ticks it, as a browser sends an unticked box not at all.
 */
export function formFields(page: string): Record<string, string> {
  const names = [...page.matchAll(/name="((?:s\d+|a)-[a-z-]+)"/g)].map((m) => m[1] ?? '');
  const fields: Record<string, string> = {};
  for (const name of names) {
    if (name.endsWith('-confirm')) continue;
    fields[name] = fieldValue(page, name) ?? selected(page, name) ?? '';
  }
  return fields;
}

/** The form as the page serves it, with some fields changed, posted to the form's action or `to`. */
export async function submitForm(
  browser: StaffClient,
  kpi: string,
  changes: Record<string, string>,
  html?: string,
  to = '',
) {
  const page = html ?? (await browser.get(kpiPath(kpi))).html;
  return browser.post(kpiPath(kpi) + to, { ...formFields(page), ...changes });
}

export const actual = async (
  store: Parameters<typeof loadStoredPlan>[0],
  kpi: string,
  series = 0,
  year = 2023,
) => (await loadStoredPlan(store, PLAN)).kpis.get(kpi)?.series[series]?.actuals.get(year);
