import type { YearAddress } from '../../hrefs.ts';
import type { PublishedReport } from '../../queries/published.ts';

/** Links from a page keep its edition only when it is not the latest, so they stay on what is shown. */
export function yearAddress(report: PublishedReport): YearAddress {
  return { plan: report.published.plan.slug, year: report.evaluation.year, edition: report.pinned };
}
