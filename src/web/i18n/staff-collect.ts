import type { WorkbookProblem } from '../../collect/read/problem.ts';
import { formatFiscalYear, formatFiscalYearLong, type FiscalYear } from '../../core/fiscal-year.ts';
import { enCollectProblem } from './staff-collect-words-en.ts';
import { jaCollectProblem } from './staff-collect-words-ja.ts';

/** The words of the page where the office uploads the departments' filled workbooks. */
export const staffCollectJa = {
  staffCollect: {
    nav: '調査票の取り込み',
    title: '調査票（Excel）の取り込み',
    intro:
      '各課から戻ってきた調査票（shinchoku collect make で作成したもの）を選んでください。まず変更点を表示し、確認してから反映します。',
    files: '調査票ファイル（複数選べます）',
    filesHelp:
      '.xlsx のみ。1ファイル10MBまで。マクロ付きのファイルや外部リンクを含むファイルは受け付けません。',
    previewButton: '変更点を確認する',
    problemsHeading: '問題のある箇所',
    problemsIntro:
      '次の問題があるため、このままでは反映できません。該当するセルを直してから、もう一度取り込んでください。',
    columns: {
      file: 'ファイル',
      place: 'シート・セル',
      severity: '種類',
      message: '内容',
      kpi: '数値目標',
      from: '現在の値',
      to: '新しい値',
    },
    severity: { error: 'エラー', warning: '注意' } as Readonly<Record<'error' | 'warning', string>>,
    changesHeading: (title: string, year: FiscalYear) =>
      `${title}（${formatFiscalYearLong(year)}）に反映される変更`,
    problem: jaCollectProblem as (problem: WorkbookProblem) => string,
    noChanges: '反映する変更はありません（入力済みの値はすべて登録済みの値と同じです）。',
    unchanged: (n: number) => `ほかに${n}件は登録済みの値と同じです。`,
    assessment: '評価の文章',
    applyButton: 'この内容で反映する',
    applyHelp: 'すべての変更を一度に反映します。途中で問題が起きた場合は、何も反映しません。',
    applied: (figures: number, assessments: number) =>
      `実績値${figures}件、評価${assessments}件を反映しました。`,
  },
};

export const staffCollectEn: typeof staffCollectJa = {
  staffCollect: {
    nav: 'Import workbooks',
    title: 'Import filled workbooks',
    intro:
      'Choose the workbooks the departments sent back (made by shinchoku collect make). You will see what they change first, then apply it.',
    files: 'Workbooks (you can choose several)',
    filesHelp: '.xlsx only, up to 10 MB each. Workbooks with macros or external links are refused.',
    previewButton: 'Show the changes',
    problemsHeading: 'Problems',
    problemsIntro:
      'Nothing can be applied until these are fixed. Correct the cells named, then upload the workbooks again.',
    columns: {
      file: 'File',
      place: 'Sheet and cell',
      severity: 'Kind',
      message: 'Problem',
      kpi: 'KPI',
      from: 'Now',
      to: 'New',
    },
    severity: { error: 'Error', warning: 'Note' },
    changesHeading: (title, year) => `Changes to ${title} (FY${year}, ${formatFiscalYear(year)})`,
    problem: enCollectProblem,
    noChanges: 'Nothing to apply: every filled-in value matches what is stored.',
    unchanged: (n: number) => `${n} more filled-in entries match what is stored.`,
    assessment: 'Assessment',
    applyButton: 'Apply these changes',
    applyHelp: 'Everything is applied at once; if anything goes wrong, nothing is.',
    applied: (figures: number, assessments: number) =>
      `Applied ${figures} figures and ${assessments} assessments.`,
  },
};
