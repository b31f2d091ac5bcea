import { staffBulkImportJa } from './staff-bulk-import.ts';
import { staffMailJa } from './staff-mail.ts';
import { formatFigure } from '../../core/format.ts';
import type { FigureConfirm, FigureNote, FigureRefusal } from '../commands/figure-feedback.ts';
import type { FormProblem } from '../commands/form-problem.ts';
import { jaPasswordProblem } from './password-words.ts';
import {
  codePointLabel,
  type CharacterClass,
  type TextPlace,
  type TextProblem,
} from '../../core/text-field.ts';

/** Figure notes, refusals and form problems in Japanese: the words of staff-ja.ts's functions. */
export const jaNote = (note: FigureNote): string => {
  switch (note.code) {
    case 'folded':
      return '全角の文字や空白を半角にそろえました。';
    case 'minus':
      return `「${note.mark}」をマイナスの記号として読みました。`;
    case 'unit':
      return `単位「${note.unit}」を取り除きました。`;
    case 'separators':
      return '桁区切りのカンマを取り除きました。';
    case 'kanji-multiplier':
      return '「万」「億」を1万・1億倍として読みました（3万2669 → 32669）。';
    case 'nakaguro-point':
      return '「・」を小数点として読みました（1353・7 → 1353.7）。';
  }
};

export const jaRefusal = (refusal: FigureRefusal): string => {
  switch (refusal.code) {
    case 'commas':
      return 'カンマが桁区切りの位置にありません。3,908 または 3908 のように入力してください。';
    case 'suffix':
      return `末尾の「${refusal.suffix}」が、この数値目標の単位（${refusal.unit ?? 'なし'}）と合いません。数値だけを入力してください。`;
    case 'not-number':
    case 'not-finite':
      return '数値として読み取れません。3908、431.5、△40 のように入力してください。';
    case 'integer-digits':
      return `整数部分が${refusal.max}桁を超えています。`;
    case 'decimals':
      return `小数点以下が${refusal.max}桁を超えています。`;
    case 'qualified':
      return `数値だけを入力してください${refusal.figure ? `（例: ${refusal.figure}）` : ''}。「${refusal.qualifier}」のような概数・延べ・見込みなどの場合は、その旨を評価の文章に書いてください。`;
    case 'unknown-reason':
      return `数値を入力してください。報告する値がなければ「—」を、値がない場合は理由（${refusal.reasons.join('、')}）のいずれかを入力してください。`;
  }
};

export const jaConfirm = (confirm: FigureConfirm, unit: string | null): string => {
  switch (confirm.code) {
    case 'negative-count':
      return `数（単位：${confirm.unit}）がマイナス（${formatFigure(confirm.value, confirm.unit)}）になっています。`;
    case 'fractional-count':
      return `数（単位：${confirm.unit}）に小数（${formatFigure(confirm.value, confirm.unit)}）があります。`;
    case 'jump':
      return `前回の値（${formatFigure(confirm.previous, unit)}）からの変化が、これまでの最大の変化（${formatFigure(confirm.largestStep, unit)}）を大きく超えています。`;
  }
};

const JA_CHARACTER: Readonly<Record<CharacterClass, string>> = {
  control: '制御文字',
  surrogate: '対になっていないサロゲート',
  noncharacter: '文字として使えない符号',
  'bidi-control': '文字の向きを変える制御文字',
};

const jaPlace = (at: TextPlace): string =>
  at.line > 1 ? `${at.line}行目の${at.column}文字目` : `${at.index}文字目`;

/** A text refused by the text-field rule, with its limit or the place of the character. */
export const jaTextProblem = (problem: TextProblem): string => {
  switch (problem.code) {
    case 'text-required':
      return '入力してください。';
    case 'text-too-long':
      return `${problem.max.toLocaleString('ja-JP')}文字以内にしてください（いまは${Math.min(problem.length, problem.max * 10).toLocaleString('ja-JP')}文字${problem.length > problem.max * 10 ? '以上' : ''}あります）。`;
    case 'text-line-break':
      return `${jaPlace(problem.at)}に改行があります。この項目は改行せずに1行で入力してください。`;
    case 'text-character':
      return `${jaPlace(problem.at)}に使えない文字（${codePointLabel(problem.codePoint)}、${JA_CHARACTER[problem.character]}）があります。取り除いてから、もう一度送信してください。`;
  }
};

export const jaProblem = (problem: FormProblem): string => {
  switch (problem.kind) {
    case 'text':
      return jaTextProblem(problem.problem);
    case 'required':
      return '入力してください。';
    case 'too-long':
      return `${problem.max}文字以内で入力してください。`;
    case 'choice':
      return '選択肢から選んでください。';
    case 'login-format':
      return 'ログインIDは、半角の英小文字・数字・「.」「-」「_」で3～40文字にしてください。';
    case 'password':
      return jaPasswordProblem(problem.problem, !problem.ownChoice);
    case 'login-taken':
      return 'このログインIDはすでに使われています。';
    case 'current-password':
      return '現在のパスワードが正しくありません。';
    case 'password-mismatch':
      return '確認のために入力したパスワードが一致しません。同じパスワードを2回入力してください。';
    case 'password-same':
      return '現在のパスワードとは別のパスワードにしてください。';
    case 'last-admin':
      return '有効な企画担当（管理者）がほかにいないため、この利用者を管理者から外したり無効にしたりすることはできません。先にほかの利用者を管理者にしてください。';
    case 'department-required':
      return '担当課の利用者には、担当課を選んでください。';
    case 'department-exists':
      return 'この名前の担当課はすでにあります。';
    case 'municipality-code':
      return (
        '全国地方公共団体コードを、検査数字を含む6桁（例：112330）で入力してください。' +
        (problem.problem?.reason === 'check-digit'
          ? `6桁目の検査数字が${problem.problem.written}になっていますが、正しくは${problem.problem.expected}です。`
          : '')
      );
    case 'municipality-exists':
      return 'このコードの団体はすでに登録されています。';
    case 'municipality-code-set':
      return `この団体の団体コードはすでに${problem.current}に決まっています。団体コードは公開ページの住所にもなるため、変更できません。`;
    case 'plan-slug-taken':
      return `計画のID「${problem.slug}」は、別の団体の計画が使っています。計画ファイルの id を変えてください。`;
    case 'year':
      return '年度を R5、令和5年度、2023 のように入力してください（計画期間内）。';
    case 'figure':
      return jaRefusal(problem.refusal);
    case 'cleared':
      return '空欄にはできません。値がない場合は、「値がない場合の理由」の一覧から理由（報告する値なし、未取得など）を選んでください。';
    case 'figure-or-reason':
      return '数値を入力してください（3908、431.5、△40 など）。値がない場合は、「値がない場合の理由」の一覧から選んでください。';
    case 'figure-and-reason':
      return '数値を入力するか、値がない理由を選ぶか、どちらか一方にしてください。';
    case 'confirm-figure':
      return `${problem.confirms.map((c) => jaConfirm(c, problem.unit)).join('')}値が正しければ、下の確認の欄にチェックを入れて、もう一度保存してください。`;
    case 'direction':
      return '目標値が現状値の反対側になり、数値目標の向き（増やす／減らす）が変わってしまいます。向きの変更は計画ファイルで行ってください。';
    case 'revision':
      return {
        'baseline-year': '適用年度は、現状値の年度より後の年度を選んでください。',
        'year-before': '目標年度が適用年度より前になっています。適用年度以降の年度にしてください。',
        'baseline-removed':
          '現状値は空欄にできません。見直し後の現状値を入力してください（現状値をなくす変更は計画ファイルで行ってください）。',
      }[problem.reason];
    case 'errata-required':
      return 'この年度はすでに公表しています。新しい版には、何を訂正したかを訂正内容に書いてください。';
    case 'plan-exists':
      return `「${problem.slug}」という計画はすでにあります。置き換える場合は「同じIDの計画を置き換える」を選んでください。`;
    case 'plan-file':
      return '計画ファイルに問題があります。次の点を直してから、もう一度取り込んでください。';
    case 'plan-master':
      return 'Excel の計画表に問題があるため、取り込みませんでした。次の点を直してから、もう一度取り込んでください。';
    case 'file-size':
      return `ファイルが大きすぎます（${problem.megabytes}MBまで）。`;
    case 'bundle':
      return staffBulkImportJa.staffBulkImport.bundleRefusal(problem.refusal);
    case 'bulk-running':
      return staffBulkImportJa.staffBulkImport.bulkRunningProblem;
    case 'encoding':
      return 'ファイルがUTF-8ではありません。UTF-8で保存し直してください（古いExcelのファイルはShift_JISのことがあります）。';
    case 'conflict':
      return 'あなたが編集している間に、ほかの人がこの値を変更しました。保存されている値とあなたの入力を確かめてから、もう一度保存してください。もう一度保存すると、あなたの入力で上書きします。';
    case 'incomplete':
      return `提出する前に、未入力の項目を入力してください（実績値 ${problem.figures}件${problem.assessment ? '、評価の文章' : ''}）。`;
    case 'nothing-entered':
      return 'この年度の実績値はまだ1件も入力されていないため、公表できません。';
    case 'confirm-unapproved':
      return `承認していない数値目標が${problem.count}件あります。このまま公表する場合は、確認の欄にチェックを入れ、理由を書いてください。`;
    case 'withdrawn':
      return 'この版はすでに撤回されています。';
    case 'not-editable':
      return problem.reason === 'review-locked'
        ? 'この数値目標は企画担当の確認待ちか承認済みになったため、保存しませんでした。入力した内容は下に残っています。'
        : 'この数値目標は担当課が変わったため、保存しませんでした。入力した内容は下に残っています。';
    case 'date':
      return staffMailJa.staffMail.dateProblem(problem.refusal);
    case 'email':
      return staffMailJa.staffMail.emailProblem(problem.refusal);
  }
};
