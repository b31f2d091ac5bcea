import { compareEvaluations, type EvaluationComparison } from '../../../core/edition-comparison.ts';
import type { Evaluation } from '../../../core/evaluation.ts';
import type { FiscalYear } from '../../../core/fiscal-year.ts';
import type { EditionCache } from '../../../publish/edition-cache.ts';
import type { Lang } from '../../../core/language.ts';
import type { Db } from '../../../store/connect.ts';
import type { Edition } from '../../../store/editions.ts';
import { planEditions } from '../../../store/published-editions.ts';
import { changeCounts, KpisComparison, RatesComparison } from '../../components/comparison-tables.tsx';
import { hrefs } from '../../hrefs.ts';
import { t } from '../../i18n/index.ts';
import { frozenEvaluation } from '../../queries/published.ts';
import { staffPaths } from './paths.ts';

export interface DraftAgainstPublished {
  readonly edition: Edition;
  readonly published: Evaluation;
  readonly draft: Evaluation;
  readonly result: EvaluationComparison;
}

/**
 * The year's draft (its current figures) against its latest edition on the public pages, or null when
 * the year has none: one read of the plan's editions by key and the edition's evaluation, which the
 * edition cache usually holds already.
 */
export async function draftAgainstPublished(
  db: Db,
  plan: string,
  draft: Evaluation,
  live: readonly Edition[],
  cache: EditionCache | undefined,
): Promise<DraftAgainstPublished | null> {
  const edition = [...live].sort((a, b) => a.number - b.number).at(-1);
  if (!edition) return null;
  const found = await planEditions(db, plan);
  const published = found ? await frozenEvaluation(db, found, edition, cache) : null;
  if (!published) return null;
  return { edition, published, draft, result: compareEvaluations(published, draft) };
}

/**
 * 公表中の第N版との違い on the publish page: what a new edition would change, before it is published.
 * Only the KPIs that change are listed; the rates are all shown.
 */
export function DraftComparison(props: {
  lang: Lang;
  plan: string;
  year: FiscalYear;
  against: DraftAgainstPublished;
}) {
  const m = t(props.lang);
  const w = m.draftComparison;
  const { edition, published, draft, result } = props.against;
  const changed = result.kpis.filter((k) => k.change !== 'unchanged');
  const latest = { plan: props.plan, year: props.year, edition: null };
  const sides = {
    from: { label: w.published(edition.number), href: hrefs.year(latest), evaluation: published },
    to: { label: w.draft, href: staffPaths.draft(props.plan, props.year), evaluation: draft },
    result,
  };
  return (
    <section aria-labelledby="draft-comparison-heading">
      <h2 id="draft-comparison-heading">{w.heading(edition.number)}</h2>
      <p>{w.intro}</p>
      <h3 id="draft-comparison-rates">{w.ratesHeading}</h3>
      <RatesComparison lang={props.lang} {...sides} headingId="draft-comparison-rates" />
      <h3 id="draft-comparison-kpis">{w.kpisHeading}</h3>
      {changed.length === 0 ? (
        <p>{w.noChange}</p>
      ) : (
        <>
          <p>{m.compare.summary(changeCounts(result))}</p>
          <KpisComparison
            lang={props.lang}
            {...sides}
            headingId="draft-comparison-kpis"
            rows={changed}
            kpiHref={(row) => staffPaths.kpi(props.plan, props.year, row.id)}
          />
        </>
      )}
    </section>
  );
}
