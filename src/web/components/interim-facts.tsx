import type { Evaluation, KpiResult } from '../../core/evaluation.ts';
import type { IdSource } from '../../render/html/ids.ts';
import { messagesFor } from '../../render/messages.ts';
import type { Lang } from '../../core/language.ts';
import { interimTargetLines, shortfallCell } from '../../render/score-cells.ts';
import { Calc } from './calc.tsx';

/** 目標との差 (17.1ポイント) with its subtraction, as a fact of the KPI; nothing where the plan does not report it. */
export function ShortfallFact(props: {
  kpi: KpiResult;
  evaluation: Pick<Evaluation, 'settings'>;
  lang: Lang;
  ids: IdSource;
}) {
  if (!props.evaluation.settings.shortfall) return null;
  const r = messagesFor(props.lang);
  const cell = shortfallCell(props.kpi, r);
  return (
    <>
      <dt>{r.shortfallHeading}</dt>
      <dd>
        {cell.lines.map((line, i) => (
          <span class="line">
            <Calc text={line} formula={cell.formula?.[i] ?? null} ids={props.ids} />
          </span>
        ))}
      </dd>
    </>
  );
}

/** 年度目標 (H27の年度目標：8,137千円/人): the interim target the score was taken against, where the plan uses one. */
export function InterimTargetFact(props: {
  kpi: KpiResult;
  evaluation: Pick<Evaluation, 'settings' | 'year'>;
  lang: Lang;
}) {
  const lines = interimTargetLines(props.kpi, props.evaluation, messagesFor(props.lang));
  if (lines.length === 0) return null;
  return (
    <>
      <dt>{messagesFor(props.lang).interimTargetHeading}</dt>
      <dd>
        {lines.map((line) => (
          <span class="line">{line.replace(/^※/, '')}</span>
        ))}
      </dd>
    </>
  );
}
