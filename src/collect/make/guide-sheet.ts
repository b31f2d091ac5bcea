import type { Workbook } from 'exceljs';
import { formatFiscalYearLong } from '../../core/fiscal-year.ts';
import type { CollectForm } from '../form.ts';
import { INPUT_SHEET, MAX_TEXT_LENGTH, NONE_CHOICE, REASON_CHOICES, columnLetter, COL } from '../layout.ts';
import { BORDER, HEADER_FILL, SHEET_PROTECTION } from './style.ts';
import { rowHeight } from './text-height.ts';

const letter = (column: number) => `${columnLetter(column)}列`;

/** The merged A:C cell's width in half-width characters. */
const MERGED_WIDTH = 128;

function steps(form: CollectForm): string[] {
  const year = formatFiscalYearLong(form.year);
  return [
    `1. 「${INPUT_SHEET}」シートの黄色のセルだけに記入してください。ほかのセルは保護されていて変更できません。`,
    `2. 実績値（${letter(COL.value)}）には${year}の数値だけを入力してください。単位（人、%、万円など）は不要です。` +
      '全角数字、桁区切りのカンマ、マイナスを表す△・▲も読み取れます。',
    `3. 実績値がない場合は${letter(COL.value)}を空欄のままにして、未入力の理由（${letter(COL.reason)}）を一覧から選んでください` +
      `（${REASON_CHOICES.filter((c) => c !== NONE_CHOICE).join('、')}など）。一覧にない理由は直接入力できます。`,
    `4. その年度に報告すべき値がない場合は、${letter(COL.reason)}で「${NONE_CHOICE}」を選んでください。`,
    `5. 見込／確定（${letter(COL.state)}）は、見込の値なら「見込」を選んでください。空欄の場合は「確定」として扱います。`,
    `6. 状況（${letter(COL.status)}）は任意です。空欄の場合は、算定結果に応じた表現（「目標達成に向け順調に推移している状況」など）を記載します。`,
    `7. 達成状況・要因及び対策等（${letter(COL.text)}）に評価の文章を${MAX_TEXT_LENGTH}文字以内で記入してください。` +
      '系列（男性・女性など）が複数ある数値目標は、最初の行にだけ記入します。',
    '8. すでに値が入っている場合は、現在登録されている値です。修正がある場合だけ書き換えてください。' +
      '値を消しても登録済みの値は削除されません。',
  ];
}

const COLUMNS: readonly [string, string, string][] = [
  [letter(COL.number), '番号', '行の通し番号です。'],
  [letter(COL.goal), '目標', '数値目標が属する基本目標・横断的な目標です。'],
  [letter(COL.kpi), '数値目標（KPI）', '照会する数値目標の名称です。'],
  [letter(COL.series), '系列', '男性・女性など、一つの数値目標に複数の値がある場合の区分です。'],
  [letter(COL.unit), '単位', '実績値の単位です。実績値の欄には単位を付けずに入力します。'],
  [letter(COL.value), '実績値', '【入力】照会年度の実績値（数値のみ）。'],
  [letter(COL.reason), '未入力の理由', '【入力】実績値がない場合の理由（一覧から選択）。'],
  [letter(COL.state), '見込／確定', '【入力】実績値が見込か確定か（空欄は確定）。'],
  [letter(COL.status), '状況（任意）', '【入力】達成状況の表現を変える場合だけ記入します。'],
  [letter(COL.text), '達成状況・要因及び対策等', '【入力】評価の文章です。'],
  [letter(COL.baseline), '現状値（基準値）', '計画策定時の値と、その年度です（参考）。'],
  [letter(COL.target), '目標値', '目標とする値と、その年度です（参考）。'],
  [`${letter(COL.firstYear)}以降`, '過去の実績値', 'これまでに登録された実績値です（参考）。'],
];

const DO_NOT = [
  '行や列の挿入・削除・並べ替え、シート名の変更、シートの保護の解除はしないでください。読み取れなくなります。',
  '別のファイルに写したり、CSVやマクロ付きブック（.xlsm）で保存したりせず、このファイルに記入してExcelブック（.xlsx）のまま返送してください。',
  '他のブックへのリンクや数式は使わず、値を直接入力してください。',
  'シートの保護にパスワードは設定していません。保護を解除して表の構成を変えたファイルは受け付けられません。',
];

/** The first sheet staff see: how to fill in the form, what each column means, what not to change. */
export async function addGuideSheet(workbook: Workbook, form: CollectForm, planTitle: string): Promise<void> {
  const sheet = workbook.addWorksheet('記入方法', {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.getColumn(1).width = 14;
  sheet.getColumn(2).width = 26;
  sheet.getColumn(3).width = 90;
  const lines: (readonly string[])[] = [
    [`${formatFiscalYearLong(form.year)} 数値目標（KPI）の実績照会`],
    [planTitle],
    [`担当：${form.department}（${form.rows.length}行）`],
    [],
    ['記入のしかた'],
    ...steps(form).map((s) => [s]),
    [],
    ['列の説明'],
    ['列', '項目', '説明'],
    ...COLUMNS,
    [],
    ['変更しないでください'],
    ...DO_NOT.map((s) => [s]),
  ];
  lines.forEach((line, i) => {
    const row = sheet.getRow(i + 1);
    line.forEach((text, j) => (row.getCell(j + 1).value = text));
    if (line.length === 3) row.height = rowHeight([{ text: line[2] ?? '', width: 90 }]);
    if (line.length === 1) {
      sheet.mergeCells(i + 1, 1, i + 1, 3);
      row.height = rowHeight([{ text: line[0] ?? '', width: MERGED_WIDTH }]);
    }
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  for (const heading of ['記入のしかた', '列の説明', '変更しないでください']) {
    const index = lines.findIndex((l) => l[0] === heading) + 1;
    sheet.getRow(index).font = { bold: true, size: 12 };
  }
  sheet.getRow(1).font = { bold: true, size: 14 };
  const tableHead = lines.findIndex((l) => l[0] === '列') + 1;
  for (let r = tableHead; r <= tableHead + COLUMNS.length; r++) {
    for (let c = 1; c <= 3; c++) {
      const cell = sheet.getCell(r, c);
      cell.border = BORDER;
      if (r === tableHead) cell.fill = HEADER_FILL;
    }
  }
  await sheet.protect('', SHEET_PROTECTION);
}
