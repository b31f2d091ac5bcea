import type { Evaluation } from '../../core/evaluation.ts';
import type { Opinion } from '../../core/opinion.ts';
import { needsTranslation } from '../../core/translation.ts';
import type { Lang } from '../../core/language.ts';
import { opinionItems, type OpinionItem } from '../../render/opinions.ts';
import { t } from '../i18n/index.ts';

/**
 * 委員会意見: the committee's opinions an edition published, as the report prints them (render/opinions.ts),
 * each quoted with its KPI (linked to its page where the page lists several) and the day it was written.
 * Nothing at all where the edition has none.
 */
export function OpinionsSection(props: {
  lang: Lang;
  evaluation: Evaluation;
  opinions: readonly Opinion[];
  /** Only this KPI's opinions (its own page); all of them otherwise. */
  kpi?: string;
  kpiHref?: (item: OpinionItem) => string;
}) {
  const o = t(props.lang).opinions;
  const items = opinionItems(props.evaluation, props.opinions).filter(
    (item) => props.kpi === undefined || item.kpiId === props.kpi,
  );
  if (items.length === 0) return null;
  return (
    <section class="opinions" aria-labelledby="opinions-heading">
      <h2 id="opinions-heading">{o.heading}</h2>
      <p class="help">{o.intro}</p>
      {items.map((item) => (
        <figure>
          {/* The committee writes in Japanese: an English page says so for assistive technology. */}
          <blockquote lang={props.lang === 'en' && needsTranslation(item.text) ? 'ja' : undefined}>
            <p>{item.text}</p>
          </blockquote>
          <figcaption>
            {props.kpi === undefined ? (
              <span class="opinion-kpi">
                {props.kpiHref ? <a href={props.kpiHref(item)}>{item.kpi}</a> : item.kpi}
              </span>
            ) : null}
            {o.on(item.date)}
          </figcaption>
        </figure>
      ))}
    </section>
  );
}
