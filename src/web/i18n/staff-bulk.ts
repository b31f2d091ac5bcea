import { formatFiscalYear, formatFiscalYearLong, type FiscalYear } from '../../core/fiscal-year.ts';

/**
 * The words of working in bulk: a department's KPIs entered on one page (the grid), departments assigned
 * to many KPIs at once, and the departments' workbooks made on the web. Japanese is the master.
 */
export const staffBulkJa = {
  staffGrid: {
    title: (year: FiscalYear): string => `${formatFiscalYearLong(year)}の一括入力`,
    link: (year: FiscalYear): string => `${formatFiscalYearLong(year)}の実績値と評価を一覧で入力する`,
    intro:
      '担当する数値目標の実績値・状態・評価を1ページで入力できます。Tabキーで行ごとに次の欄へ進みます。「すべて保存」を押すと、問題がなければ全部を一度に保存し、1件でも問題があれば何も保存せずに、その欄に理由を表示します（入力した内容は残ります）。',
    departmentLabel: '担当課',
    noDepartment: '担当課なし（企画担当）',
    showButton: '表示',
    caption: (department: string, year: FiscalYear): string =>
      `${department}の数値目標（${formatFiscalYearLong(year)}）`,
    columns: {
      kpi: '数値目標',
      series: '系列',
      target: '目標値',
      actual: '実績値',
      reason: '値がない場合の理由',
      state: '状態',
    },
    assessmentRow: '評価',
    /** The hidden label of each input: the KPI, the series and the field, so a screen reader names the cell. */
    cellLabel: (kpi: string, series: string | null, field: string): string =>
      `${kpi}${series ? `（${series}）` : ''}：${field}`,
    actualField: (year: FiscalYear, unit: string | null): string =>
      `${formatFiscalYear(year)}の実績値${unit ? `（単位：${unit}）` : ''}`,
    saveButton: 'すべて保存',
    saved: (figures: number, assessments: number): string =>
      `実績値${figures}件、評価${assessments}件を保存しました。`,
    nothingChanged: '変更はありませんでした。',
    empty: 'この担当課に割り当てられた数値目標はありません。',
    noDepartmentUser: 'あなたのアカウントには担当課が設定されていません。企画担当に設定を依頼してください。',
    locked: '確認待ちまたは承認済みのため、ここでは編集できません。',
    typedKept: '入力した内容（保存していません）',
    problemsNotice: '問題のある欄があるため、何も保存していません。各欄の説明を確かめてください。',
    conflictNotice:
      'ほかの人の変更と重なった欄があるため、何も保存していません。該当する欄で、保存されている値とあなたの入力を確かめてください。',
  },
  staffWorkbooks: {
    title: (year: FiscalYear): string => `${formatFiscalYearLong(year)}の調査票（Excel）の作成`,
    link: (year: FiscalYear): string => `${formatFiscalYearLong(year)}の調査票（Excel）を作る`,
    makeHeading: '調査票の作成',
    makeIntro:
      '各課に送る調査票（Excel）は、計画と年度ごとに作成できます。記入された調査票は、上の欄から取り込みます。',
    intro:
      '担当課ごとに1つの調査票を作成します。数値目標ごとに現状値・目標値・過去の実績値を示し、黄色の欄に実績値（または値がない理由）、見込／確定、評価を記入してもらいます。すでに保存されている値は記入済みになります。記入された調査票は「調査票の取り込み」で読み込みます。',
    yearLabel: '年度',
    showButton: '表示',
    caption: (year: FiscalYear): string => `${formatFiscalYearLong(year)}の調査票`,
    columns: { department: '担当課', kpis: '数値目標', rows: '記入する行', file: 'ファイル' },
    download: (name: string): string => `${name}をダウンロード`,
    all: (n: number): string => `${n}件の調査票をまとめてダウンロード（ZIP）`,
    zipName: (year: FiscalYear): string => `${formatFiscalYear(year)}_調査票.zip`,
    empty: 'この計画には数値目標がありません。',
  },
  staffAssign: {
    title: '担当課の割り当て',
    link: '数値目標に担当課をまとめて割り当てる',
    plansHeading: '計画ごとの割り当て',
    intro:
      '担当課を割り当てる数値目標にチェックを入れ、担当課を選んで「割り当てる」を押してください。選んだ数値目標すべてに一度に割り当てます（1件でも割り当てられない場合は、何も変更しません）。担当課の利用者は、割り当てられた数値目標の実績値と評価を入力できます。',
    caption: '数値目標と現在の担当課',
    columns: { select: '選択', kpi: '数値目標', goal: '目標', department: '現在の担当課' },
    select: (kpi: string): string => `${kpi}を選ぶ`,
    kpisLabel: '割り当てる数値目標',
    departmentLabel: '割り当てる担当課',
    noDepartment: '担当課なし（企画担当）',
    chooseDepartment: '選んでください',
    assignButton: '割り当てる',
    assigned: (n: number, department: string | null): string =>
      n === 0
        ? '変更はありませんでした（選んだ数値目標は、すでにその担当課です）。'
        : `${n}件の数値目標を${department ?? '担当課なし（企画担当）'}に割り当てました。`,
  },
};

export const staffBulkEn: typeof staffBulkJa = {
  staffGrid: {
    title: (year) => `Enter FY${year} (${formatFiscalYear(year)}) in one table`,
    link: (year) => `Enter every KPI's FY${year} figures and assessment in one table`,
    intro:
      'Enter the actuals, their state and the assessments of your KPIs on one page; Tab moves along each row. “Save all” saves everything at once when nothing is wrong; if any field has a problem, nothing is saved and the reason is shown beside that field, with everything you typed kept.',
    departmentLabel: 'Department',
    noDepartment: 'No department (planning office)',
    showButton: 'Show',
    caption: (department, year) => `KPIs of ${department} (FY${year}, ${formatFiscalYear(year)})`,
    columns: {
      kpi: 'KPI',
      series: 'Series',
      target: 'Target',
      actual: 'Actual',
      reason: 'Reason when there is no value',
      state: 'State',
    },
    assessmentRow: 'Assessment',
    cellLabel: (kpi, series, field) => `${kpi}${series ? ` (${series})` : ''}: ${field}`,
    actualField: (year, unit) => `${formatFiscalYear(year)} actual${unit ? ` (unit: ${unit})` : ''}`,
    saveButton: 'Save all',
    saved: (figures, assessments) => `Saved ${figures} figures and ${assessments} assessments.`,
    nothingChanged: 'Nothing changed.',
    empty: 'No KPIs are assigned to this department.',
    noDepartmentUser: 'Your account has no department. Ask the planning office to set it.',
    locked: 'Waiting for the office or approved: it cannot be edited here.',
    typedKept: 'What you typed (not saved)',
    problemsNotice: 'Some fields have problems, so nothing was saved. See the note beside each field.',
    conflictNotice:
      'Someone else changed some of these fields meanwhile, so nothing was saved. Compare the stored value with yours beside each field.',
  },
  staffWorkbooks: {
    title: (year) => `Department workbooks for FY${year} (${formatFiscalYear(year)})`,
    link: (year) => `Make the department workbooks for FY${year} (Excel)`,
    makeHeading: 'Make workbooks',
    makeIntro:
      'Make the workbooks (Excel) to send to the departments, per plan and year; filled ones are imported with the form above.',
    intro:
      'One workbook per department. Each lists its KPIs with the baseline, target and past actuals, and yellow cells for the actual (or why there is none), provisional or final, and the assessment. Figures already stored are filled in. Read the filled workbooks back on “Import workbooks”.',
    yearLabel: 'Year',
    showButton: 'Show',
    caption: (year) => `Workbooks for FY${year} (${formatFiscalYear(year)})`,
    columns: { department: 'Department', kpis: 'KPIs', rows: 'Rows to fill', file: 'File' },
    download: (name) => `Download ${name}`,
    all: (n) => `Download all ${n} as one zip`,
    zipName: (year) => `${formatFiscalYear(year)}_workbooks.zip`,
    empty: 'This plan has no KPIs.',
  },
  staffAssign: {
    title: 'Assign departments',
    link: 'Assign a department to several KPIs at once',
    plansHeading: 'Assignments per plan',
    intro:
      'Tick the KPIs, choose a department and press “Assign”. Every ticked KPI gets it at once (if any cannot, nothing changes). A department’s users enter the figures and assessments of the KPIs assigned to it.',
    caption: 'KPIs and their department',
    columns: { select: 'Select', kpi: 'KPI', goal: 'Goal', department: 'Department now' },
    select: (kpi) => `Select ${kpi}`,
    kpisLabel: 'KPIs to assign',
    departmentLabel: 'Department to assign',
    noDepartment: 'No department (planning office)',
    chooseDepartment: 'Choose one',
    assignButton: 'Assign',
    assigned: (n, department) =>
      n === 0
        ? 'Nothing changed: the ticked KPIs already have that department.'
        : `Assigned ${n} KPIs to ${department ?? 'no department (planning office)'}.`,
  },
};
