import type { CellHeld, IdentityRefusal, WorkbookProblem } from '../../collect/read/problem.ts';
import { figureText } from '../../collect/read/changes.ts';
import { formatFiscalYearLong } from '../../core/fiscal-year.ts';
import type { ZipDamageDetail } from '../../collect/read/zip-directory.ts';
import type { FigurePlace } from '../../collect/read/problem.ts';
import { jaConfirm, jaNote, jaProblem, jaTextProblem } from './staff-words-ja.ts';
import { formatNumber } from '../../core/format.ts';

/** The workbook reader's problems (collect/read/problem.ts) in Japanese, for the upload preview. */

const F = 'F列（実績値）';
const G = 'G列（未入力の理由）';
const J = 'J列（評価の文章）';
const REMAKE = '企画担当の画面から調査票を作り直し、その調査票に記入してください。';
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)}MB`;
const n = (count: number) => count.toLocaleString('ja-JP');

const quote = (text: string) =>
  text === '' ? '（空欄）' : `「${text.length > 40 ? `${text.slice(0, 40)}…` : text}」`;

function held(what: CellHeld): string {
  switch (what.kind) {
    case 'text':
      return `文字「${what.text}」`;
    case 'number':
      return `数値「${what.value}」`;
    case 'other':
      switch (what.what.kind) {
        case 'formula':
          return '数式';
        case 'date':
          return '日付';
        case 'boolean':
          return `論理値（${what.what.value ? 'TRUE' : 'FALSE'}）`;
        case 'error':
          return `エラー値（${what.what.value}）`;
        case 'unknown':
          return '値ではないもの';
      }
  }
}

function damage(detail: ZipDamageDetail): string {
  switch (detail.kind) {
    case 'not-zip':
      return 'Excel ブック（.xlsx）の形式ではありません';
    case 'truncated':
    case 'directory-short':
      return 'ファイルが途中で切れています';
    case 'multi-part':
      return '分割された圧縮ファイルです';
    case 'zip64':
      return '調査票では使われない大容量向けの圧縮形式です';
    case 'directory-damaged':
    case 'name-not-text':
      return 'ファイルの目次が壊れています';
    case 'too-many-parts':
      return `構成部品が${n(detail.count)}個あり、調査票としては多すぎます`;
    case 'part-damaged':
    case 'part-short':
    case 'part-undecompressable':
    case 'part-size':
    case 'part-checksum':
    case 'part-expands':
      return `構成部品（${detail.part}）が壊れています`;
    case 'part-method':
      return `構成部品（${detail.part}）が Excel の使わない方式で圧縮されています`;
  }
}

function identity(reason: IdentityRefusal): string {
  switch (reason.kind) {
    case 'missing':
      return '調査票を見分けるための隠しシートの内容がありません。';
    case 'format':
      return `このバージョンでは読めない形式（${reason.format}）で作られています。`;
    case 'hash':
      return '調査票を見分けるための隠しシートの内容が書き換えられています。';
    case 'unreadable':
      return '調査票を見分けるための隠しシートの内容が読み取れません。';
  }
}

const label = (place: FigurePlace) =>
  `${place.kpi}${place.series ? `（${place.series}）` : ''}の${formatFiscalYearLong(place.year)}`;

const figure = (value: Parameters<typeof figureText>[0], unit: string | null) =>
  figureText(value, unit, 'なし');

export function jaCollectProblem(problem: WorkbookProblem): string {
  switch (problem.code) {
    case 'file-too-large':
      return `ファイルの大きさが${mb(problem.bytes)}あります。調査票は${mb(problem.limit)}までです。`;
    case 'macros':
      return `マクロを含むファイルは受け付けません。「Excel ブック (*.xlsx)」の形式で保存し直して送ってください。${problem.part ? `（${problem.part}）` : ''}`;
    case 'external-links':
      return `ほかのファイルへのリンクを含んでいます。「データ」→「リンクの編集」→「リンクの解除」でリンクを外し、保存し直して送ってください。${problem.part ? `（${problem.part}）` : ''}`;
    case 'legacy-or-protected':
      return '古い形式（Excel 97–2003、.xls）か、開くためのパスワードが設定されたファイルです。パスワードを外し、「Excel ブック (*.xlsx)」の形式で保存し直して送ってください。';
    case 'not-xlsx':
      return 'Excel ブック（.xlsx）ではありません。配布した調査票に記入して送ってください。';
    case 'zip-not-workbook':
      return '圧縮ファイルですが、Excel ブック（.xlsx）ではありません。';
    case 'encrypted':
      return 'パスワードで保護されています。パスワードを外して送り直してください。';
    case 'zip-damaged':
      return `ファイルを読み込めません（${damage(problem.damage)}）。`;
    case 'duplicate-part':
      return `ファイルを読み込めません（構成部品 ${problem.part} が重複しています）。`;
    case 'xml-entities':
      return `安全でない内容（${problem.part}）を含むため、受け付けません。`;
    case 'columns-beyond':
      return `シート（${problem.part}）が Excel の最後の列を超える列を持っています。`;
    case 'zip-bomb-part':
      return `展開すると極端に大きくなる（${n(Math.round(problem.ratio))}倍、${mb(problem.bytes)}）ため、安全のため受け付けません。`;
    case 'zip-bomb-total':
      return `展開すると${mb(problem.limit)}を超えるため、安全のため受け付けません。`;
    case 'too-many-rows':
      return `シート（${problem.part}）が${n(problem.rows)}行あります。調査票は${n(problem.limit)}行までです。配布したままの様式で送ってください。`;
    case 'not-a-range':
      return `シート（${problem.part}）に、セルの範囲として読めない範囲「${problem.range.slice(0, 40)}」があります。`;
    case 'range-too-large':
      return `シート（${problem.part}）に、${n(problem.cells)}セルにおよぶ範囲があります。調査票にこれほど大きな範囲はありません。`;
    case 'not-excel':
      return 'Excel ブックとして読み込めません。配布した調査票に記入し、.xlsx 形式で保存して送ってください。';
    case 'not-collect-workbook':
      return 'この画面で作成した調査票ではありません（調査票を見分けるための隠しシートがありません）。配布した調査票だけを読み込めます。';
    case 'identity-unreadable':
      return `安全に読み込めません。${identity(problem.reason)}${REMAKE}`;
    case 'identity-rows-out-of-order':
      return `安全に読み込めません。隠しシートの行の並びが変わっています。${REMAKE}`;
    case 'sheet-missing':
      return `シート「${problem.sheet}」がありません。名前が変えられたか、削除されています。`;
    case 'other-plan':
      return '別の計画の調査票です。この計画には取り込めません。計画ごとに分けて取り込んでください。';
    case 'other-year':
      return `${formatFiscalYearLong(problem.year)}の調査票ですが、いまは${formatFiscalYearLong(problem.expected)}の調査票を取り込んでいます。年度ごとに分けて取り込んでください。`;
    case 'read-only-changed':
      return `${quote(problem.actual)}となっていますが、配布時は${quote(problem.expected)}でした。書き換えできないセルが編集されたか、行や列が移動・挿入・削除されています。`;
    case 'outside-form':
      return `${quote(problem.text)}が様式の外にあります。黄色のセルにだけ記入し、行や列は追加しないでください。`;
    case 'more-cells-differ':
      return `ほかに${n(problem.count)}か所のセルが配布時と異なります。`;
    case 'form-changed':
      return `様式が変更されているため、数値を数値目標に正しく対応づけられません。この調査票は取り込みません。${REMAKE}`;
    case 'kpi-not-in-plan':
      return `この行の数値目標は、いまの計画にありません。${REMAKE}`;
    case 'kpi-in-two-workbooks':
      return `「${problem.kpi}」は ${problem.file}（${problem.cell}）でも回答されています。どちらか一つの調査票から取り込んでください。`;
    case 'figure-and-reason':
      return `実績値（${problem.valueCell}）と未入力の理由（${problem.reasonCell}）の両方が記入されています。どちらか一方にしてください。`;
    case 'state-without-figure':
      return '確定・見込の区分がありますが、実績値がないため無視します。';
    case 'value-not-number':
      return `${held(problem.held)}が入っています。実績値は数値そのものを入力してください。`;
    case 'reason-not-text':
      return `${held(problem.held)}が入っています。数値は${F}に入力し、${G}には「未取得」などの理由だけを選んでください。`;
    case 'assessment-not-text':
      return `${held(problem.held)}が入っています。文章そのものを入力してください。`;
    case 'state-unknown':
      return `${problem.held.kind === 'text' ? `「${problem.held.text}」` : held(problem.held)}は「確定」でも「見込」でもありません。一覧から選んでください（空欄は「確定」です）。`;
    case 'too-many-digits':
      return `有効数字が${problem.max}桁を超えていて、Excel では正確に保てません。桁数を減らしてください。`;
    case 'figure':
      if (problem.column === 'reason' && problem.problem.code === 'unknown-reason') {
        return `「${problem.problem.text}」は${G}で選べる理由（${problem.problem.reasons.join('、')}）ではありません。一覧から選んでください。`;
      }
      return jaProblem({ kind: 'figure', refusal: problem.problem });
    case 'value-is-reason':
      return `「${problem.text}」は数値ではありません。数値だけを入力するか、${F}を空欄にして${G}で理由を選んでください。`;
    case 'reason-is-figure':
      return `「${problem.text}」は数値です。${F}に入力し、${G}は空欄にしてください。`;
    case 'read-as':
      return `「${problem.text}」を${formatNumber(problem.value)}として読みました。${problem.notes.map(jaNote).join('')}`;
    case 'status-without-text':
      return `状況の言葉を書く場合は、${J}に評価の文章も書いてください。`;
    case 'text':
      return jaTextProblem(problem.problem);
    case 'figure-emptied':
      return `実績値が空欄になっていますが、登録済みの値（${figure(problem.stored, problem.unit)}）はそのまま残します。報告する値がないことを記録する場合は、${G}で「該当なし（—）」を選んでください。`;
    case 'changed-since-made': {
      const { place } = problem;
      return `${label(place)}の値は、この調査票を作った後にシステムで変更されています（作成時は${figure(problem.before, place.unit)}、現在は${figure(problem.current, place.unit)}、調査票では${figure(problem.workbook, place.unit)}）。どれが正しいか確かめてから、画面で入力するか、作り直した調査票に記入してください。`;
    }
    case 'confirm':
      return `${label(problem.place)}：${jaConfirm(problem.confirm, problem.place.unit)}値が正しいか確かめてください。`;
    case 'assessment-emptied':
      return '評価の文章が空欄になっていますが、登録済みの文章はそのまま残します。';
    case 'assessment-changed-since-made':
      return `「${problem.kpi}」の${formatFiscalYearLong(problem.year)}の評価は、この調査票を作った後にシステムで変更されていて、調査票の文章と異なります。どちらが正しいか確かめてから、画面で入力するか、作り直した調査票に記入してください。`;
  }
}
