import type ExcelJS from 'exceljs';
import { MISSING_REASONS } from '../../core/figure-text.ts';
import type { Plan } from '../../core/plan.ts';
import { BORDER, HEADER_FILL } from '../make/style.ts';
import { rowHeight } from '../make/text-height.ts';
import {
  ACTUAL_COLUMNS as A,
  ASSESSMENT_COLUMNS as S,
  EXAMPLE_SHEET,
  GOAL_COLUMNS as G,
  GUIDE_SHEET,
  KPI_COLUMNS as K,
  PLAN_ITEMS,
} from './layout.ts';
import { OMISSION_JA, type MasterOmission } from './omissions.ts';

/** The guide's one column, in half-width characters: a landscape A4 page's width. */
const GUIDE_WIDTH = 110;

const PAGE = {
  orientation: 'landscape',
  paperSize: 9,
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
} as const;

const STEPS: readonly string[] = [
  '1. 「計画」「目標」「KPI」「実績」「評価」の5つのシートに記入し、.xlsx のまま「計画の取込」画面から取り込みます。',
  '2. 1行目の見出しは変えないでください。列の順番は入れ替えても読み取れます。シート名も変えないでください。',
  `3. 「目標」には基本目標・横断的な目標を1行ずつ書きます。「KPI」の「${K.goal}」は、ここの${G.id}を書きます。`,
  `4. 「KPI」には数値目標を1行ずつ書きます。男性・女性など系列がある場合は、同じ${K.id}の行を系列ごとに続けて書き、「${K.series}」に系列名を書きます。`,
  `5. 再掲の数値目標は、別の目標の行で「${K.goal}」と「${K.id}」だけを書きます（ほかの列は空欄）。`,
  `6. 現状値がない場合は「${K.baseline}」を空欄にし、「${K.direction}」で増やす・減らすを選びます。目標値が空欄の数値目標は「評価なし」です。`,
  `7. 「実績」には、数値目標・系列・年度ごとに1行書きます。値がない場合は理由（${MISSING_REASONS.join('、')}）を書き、報告すべき値がない年度は空欄にします。`,
  '8. 数値は全角数字・桁区切り・△（マイナス）も読み取れます。「約」「延べ」などの付いた数値は読み取りません。数式は、保存されている計算結果を読み取ります。',
  '9. 「評価」には、数値目標と年度ごとに「達成状況・要因及び対策等」を書きます。状況の文言は、算定結果と違う表現にする場合だけ書きます。',
  '10. 誤りがあると、取り込まずに「シート『KPI』のI12：…」のように場所と内容を示します。',
];

const NOTES_EN: readonly string[] = [
  'English: fill in the sheets 計画 (plan), 目標 (goals), KPI, 実績 (yearly actuals) and 評価 (assessments),',
  'and import the .xlsx on the staff import page or with `shinchoku import FILE.xlsx`. Keep the header texts',
  'and sheet names; columns may be reordered. See docs/excel-master.md for the full layout.',
];

/** The first sheet: how to fill in the master, and what the export left out of it. */
export function addGuide(
  workbook: ExcelJS.Workbook,
  plan: Plan | null,
  omissions: readonly MasterOmission[],
): void {
  const sheet = workbook.addWorksheet(GUIDE_SHEET, { pageSetup: PAGE });
  sheet.getColumn(1).width = GUIDE_WIDTH;
  const lines: { text: string; bold?: boolean }[] = [
    {
      text: plan ? `計画表（Excel）：${plan.municipality}\u3000${plan.title}` : '計画表（Excel）の記入方法',
      bold: true,
    },
    { text: '' },
    ...STEPS.map((text) => ({ text })),
    { text: '' },
  ];
  if (omissions.length > 0) {
    lines.push({
      text: 'この計画表に含まれていない設定（計画ファイル（YAML）で管理してください）',
      bold: true,
    });
    lines.push(...omissions.map((o) => ({ text: `・${OMISSION_JA[o]}` })));
    lines.push({ text: '' });
  }
  lines.push(...NOTES_EN.map((text) => ({ text })));
  lines.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = line.text;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (line.bold) cell.font = { bold: true, size: 12 };
    sheet.getRow(i + 1).height = rowHeight([{ text: line.text, width: GUIDE_WIDTH }]);
  });
}

/** A filled example of every sheet, to copy from; the reader never reads this sheet. */
const EXAMPLE: readonly {
  title: string;
  headers: readonly string[];
  rows: readonly (string | number | null)[][];
}[] = [
  {
    title: '「計画」シート',
    headers: ['項目', '値'],
    rows: [
      [PLAN_ITEMS.id, 'midori-2nd-strategy'],
      [PLAN_ITEMS.title, '第2期みどり町総合戦略'],
      [PLAN_ITEMS.municipality, 'みどり町'],
      [PLAN_ITEMS.from, 'R4'],
      [PLAN_ITEMS.to, 'R8'],
      [PLAN_ITEMS.method, '目標進捗率'],
    ],
  },
  {
    title: '「目標」シート',
    headers: Object.values(G),
    rows: [
      ['B1', '基本目標', 1, '稼ぐ産業と安定した雇用を創出する'],
      ['X1', '横断的な目標', 1, '多様な人材の活躍を推進する'],
    ],
  },
  {
    title: '「KPI」シート',
    headers: Object.values(K),
    rows: [
      ['B1', 'newcomers', null, '転入者数', '成果、比較', '人', null, '企画課', 3908, 'H30', 4500, 'R8'],
      [
        'B1',
        'life-expectancy',
        '男性',
        '65歳健康寿命',
        '成果',
        '年',
        null,
        '健康推進課',
        '18.43',
        'H30',
        '19.00',
        'R8',
      ],
      [
        'B1',
        'life-expectancy',
        '女性',
        '65歳健康寿命',
        '成果',
        '年',
        null,
        '健康推進課',
        '20.72',
        'H30',
        '21.50',
        'R8',
      ],
      [
        'B1',
        'job-openings',
        null,
        '市内有効求人倍率',
        '成果',
        '倍',
        '増やす',
        '商工課',
        null,
        null,
        '1.24',
        'R8',
      ],
      ['X1', 'newcomers'],
    ],
  },
  {
    title: '「実績」シート',
    headers: Object.values(A).slice(0, 5),
    rows: [
      ['newcomers', null, 'R4', '４,１２０', '確定'],
      ['newcomers', null, 'R5', 4380, '見込'],
      ['life-expectancy', '男性', 'R4', '未取得', null],
      ['job-openings', null, 'R4', 0.48, '確定'],
    ],
  },
  {
    title: '「評価」シート',
    headers: Object.values(S).slice(0, 4),
    rows: [['newcomers', 'R4', null, 'シティプロモーションの効果により増加傾向にある']],
  },
];

export function addExample(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(EXAMPLE_SHEET, { pageSetup: PAGE });
  [16, 18, 12, 20, 14, 10, 10, 12, 10, 14, 10, 14].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  let row = 1;
  sheet.getCell(row, 1).value = '記入例（このシートは読み込みません）';
  sheet.getCell(row, 1).font = { bold: true, size: 12 };
  row += 2;
  for (const block of EXAMPLE) {
    sheet.getCell(row, 1).value = block.title;
    sheet.getCell(row, 1).font = { bold: true };
    row++;
    block.headers.forEach((h, i) => {
      const cell = sheet.getCell(row, i + 1);
      cell.value = h;
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: 'middle' };
    });
    row++;
    for (const cells of block.rows) {
      cells.forEach((value, i) => {
        const cell = sheet.getCell(row, i + 1);
        cell.value = value;
        cell.border = BORDER;
        cell.alignment = { wrapText: true, vertical: 'top' };
      });
      sheet.getRow(row).height = rowHeight(
        cells.map((v) => ({ text: v === null ? '' : String(v), width: 14 })),
      );
      row++;
    }
    row++;
  }
}
