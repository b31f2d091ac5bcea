import { formatFiscalYear } from '../../core/fiscal-year.ts';
import type { ShinchokuError } from '../../core/errors.ts';
import { evaluationJson } from '../../render/evaluation-json.ts';
import type { JsonValue } from '../../render/json-text.ts';
import type { Messages } from '../../render/messages.ts';
import type { Edition } from '../../store/editions.ts';
import { hrefs } from '../hrefs.ts';
import type { PublishedPlan, PublishedReport } from '../queries/published.ts';

/**
 * What the API sends, field by field: every key is listed here and described in openapi.ts, so a
 * field added to the store never leaks out unseen.
 */

function editionJson(edition: Edition): { number: number; errata: string | null; publishedAt: string } {
  return {
    number: edition.number,
    errata: edition.errata,
    publishedAt: edition.publishedAt.toISOString(),
  };
}

export function publishedPlanJson(published: PublishedPlan): JsonValue {
  const { plan } = published;
  return {
    id: plan.slug,
    title: plan.title,
    municipality: plan.municipality,
    period: { from: formatFiscalYear(plan.periodFrom), to: formatFiscalYear(plan.periodTo) },
    href: hrefs.apiPlan(plan.slug),
    years: published.years.map((y) => ({
      year: formatFiscalYear(y.year),
      fiscalYear: y.year,
      href: hrefs.apiYear(plan.slug, y.year),
      editions: y.editions.map(editionJson),
    })),
  };
}

export function publishedReportJson(report: PublishedReport, messages: Messages): JsonValue {
  return {
    plan: { id: report.published.plan.slug, href: hrefs.apiPlan(report.published.plan.slug) },
    edition: { ...editionJson(report.edition), latest: report.pinned === null },
    evaluation: evaluationJson(report.evaluation, messages),
  };
}

export function errorJson(error: ShinchokuError): JsonValue {
  return {
    error: {
      id: error.id,
      status: error.httpStatus,
      message: error.message,
      hint: error.hint,
      details: [...error.details],
      context: { ...error.context },
    },
  };
}
