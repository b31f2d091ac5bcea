import type { MasterPlace, MasterProblemDetail } from '../../collect/master/problem.ts';
import type { OtherValue } from '../../collect/read/cell-content.ts';
import { jaCollectProblem } from './staff-collect-words-ja.ts';
import { jaPlanFileProblem } from './staff-plan-file-words-ja.ts';

const q = (text: string) => `「${text}」`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)}MB`;

function other(what: OtherValue): string {
  switch (what.kind) {
    case 'formula':
      return '計算結果が保存されていない数式';
    case 'date':
      return '日付';
    case 'boolean':
      return `論理値（${what.value ? 'TRUE' : 'FALSE'}）`;
    case 'error':
      return `エラー値（${what.value}）`;
    case 'unknown':
      return '値ではないもの';
  }
}

/** Where a problem stands, as the office reads it: シート『KPI』のC12. */
export function jaMasterPlace(place: MasterPlace | null): string {
  if (!place) return 'ファイル全体';
  return place.cell ? `シート『${place.sheet}』の${place.cell}` : `シート『${place.sheet}』`;
}

/** Everything the plan master reader can say (collect/master/problem.ts), in Japanese. */
export function jaMasterProblem(detail: MasterProblemDetail): string {
  switch (detail.code) {
    case 'file':
      switch (detail.problem.code) {
        case 'not-xlsx':
        case 'not-excel':
          return 'Excel ブック（.xlsx）ではありません。計画表を「Excel ブック (*.xlsx)」の形式で保存して取り込んでください。';
        case 'file-too-large':
          return `ファイルの大きさが${mb(detail.problem.bytes)}あります。計画表は${mb(detail.problem.limit)}までです。`;
        case 'too-many-rows':
          return `シート（${detail.problem.part}）が${detail.problem.rows.toLocaleString('ja-JP')}行あります。計画表の各シートは${detail.problem.limit.toLocaleString('ja-JP')}行までです。`;
        default:
          return jaCollectProblem(detail.problem);
      }
    case 'sheet-missing':
      return `シート${q(detail.sheet)}がありません。計画表には「計画」「目標」「KPI」「実績」「評価」の5つのシートが必要です。様式をダウンロードして確かめてください。`;
    case 'header-missing':
      return `1行目に見出し${q(detail.header)}がありません。見出しの文字は様式のまま残してください（列の順番は入れ替えても読み取れます）。`;
    case 'item-missing':
      return `A列に${q(detail.item)}の行がありません。`;
    case 'required':
      return `${q(detail.header)}が空欄です。記入してください。`;
    case 'cell-kind':
      return `${other(detail.what)}が入っています。値を直接書いてください${detail.what.kind === 'formula' ? '（Excel で開いて保存し直すと、計算結果が保存されます）' : ''}。`;
    case 'choice':
      return `${q(detail.value)}は選べません。${detail.allowed.map(q).join('、')}のどれかを選んでください。`;
    case 'not-whole-number':
      return `${q(detail.value)}は整数ではありません。1、2 のような番号を書いてください。`;
    case 'unknown-goal':
      return `目標ID${q(detail.id)}は、シート『目標』にありません。`;
    case 'unknown-kpi':
      return `KPI ID${q(detail.id)}は、シート『KPI』にありません。`;
    case 'unknown-series':
      return `数値目標${q(detail.id)}に系列${q(detail.series)}はありません。`;
    case 'series-needed':
      return `数値目標${q(detail.id)}には複数の系列があります。どの行にも「系列」を書いてください。`;
    case 'kpi-rows-apart':
      return `数値目標${q(detail.id)}の行が離れています。系列の行は続けて書いてください。`;
    case 'kpi-cell-differs':
      return `${q(detail.header)}が、数値目標${q(detail.id)}の最初の行と違います。空欄にするか、同じ内容にしてください。`;
    case 'shared-row-filled':
      return `数値目標${q(detail.id)}はほかの目標で定義されています。再掲の行には「目標ID」と「KPI ID」だけを書き、${q(detail.header)}は空欄にしてください。`;
    case 'year-twice':
      return `${q(detail.id)}の年度${q(detail.year)}が2回書かれています。1行にまとめてください。`;
    case 'plan':
      return jaPlanFileProblem(detail.detail);
  }
}
