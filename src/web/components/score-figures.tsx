import type { Evaluation, KpiResult } from '../../core/evaluation.ts';
import { explainScore } from '../../core/explain.ts';
import { formatScore } from '../../core/score-text.ts';
import type { IdSource } from '../../render/html/ids.ts';
import { messagesFor } from '../../render/messages.ts';
import type { Lang } from '../../core/language.ts';
import { t } from '../i18n/index.ts';
import { Calc } from './calc.tsx';

/**
 * A KPI's score per series (男性：-63.2%), each with its formula on hover and focus; a series without an
 * interim target says so, and one judged on an earlier year's figure names it (直近値（R2）). Pages that
 * have the evaluation pass it, for the plan's zero style; the year evaluated is otherwise the last column.
 */
export function ProgressFigures(props: {
  kpi: KpiResult;
  ids: IdSource;
  lang: Lang;
  evaluation?: Pick<Evaluation, 'year' | 'settings'>;
}) {
  const m = t(props.lang);
  const r = messagesFor(props.lang);
  const rounding = props.evaluation?.settings.rounding ?? null;
  return (
    <>
      {props.kpi.series.map((s) => {
        const year = props.evaluation?.year ?? s.history.at(-1)?.year;
        const judged = s.dataYear ?? year;
        return (
          <>
            <span class="line">
              {s.label === null ? null : m.labelled(s.label)}
              <Calc
                text={
                  s.noScore === 'no-interim-target' && judged !== undefined
                    ? r.noInterimTarget(judged)
                    : formatScore(s.score?.value ?? null, rounding)
                }
                formula={s.score ? explainScore(s.score, rounding) : null}
                ids={props.ids}
              />
            </span>
            {judged !== undefined && judged !== year && s.actual?.kind === 'value' ? (
              <span class="line">
                {s.label === null ? null : m.labelled(s.label)}
                {r.latestData(judged)}
              </span>
            ) : null}
          </>
        );
      })}
    </>
  );
}
