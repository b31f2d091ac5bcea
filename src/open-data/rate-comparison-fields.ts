import type { OpenDataField } from './fields.ts';

/**
 * The columns of the comparison of achievement rates across municipalities (one CSV per prefecture or
 * for the nation, one row per plan), for its data dictionary (項目定義書): the same shape as the KPI
 * dataset's, so one reader handles both.
 */
const field = (
  key: string,
  label: string,
  type: OpenDataField['type'],
  description: string,
  unit: string | null = null,
): OpenDataField => ({
  key,
  label,
  type,
  unit,
  description,
});

const measure = (key: string, label: string, goals: string): OpenDataField[] => [
  field(`${key}_achieved`, `${label}_達成数`, 'integer', `${goals}の数値目標のうち、達成した数。`, '件'),
  field(
    `${key}_evaluated`,
    `${label}_評価数`,
    'integer',
    `${goals}の数値目標のうち、実績値があり評価した数（達成率の分母）。`,
    '件',
  ),
  field(
    `${key}_rate`,
    `${label}_達成率`,
    'number',
    `${label}_達成数÷${label}_評価数×100を小数第1位に四捨五入した値。評価数が0のとき、または該当する目標がないときは空欄。`,
    '%',
  ),
  field(
    `${key}_rank`,
    `${label}_順位`,
    'integer',
    `比較の範囲（都道府県または全国）で${label}_達成率の高い順の順位。達成率は四捨五入前の分数で比べ、同率は同順位（次の順位は同率の数だけ飛ぶ）。`,
  ),
  field(
    `${key}_ranked`,
    `${label}_順位の母数`,
    'integer',
    `比較の範囲で${label}_達成率のある計画の数。`,
    '件',
  ),
];

export const RATE_COMPARISON_FIELDS: readonly OpenDataField[] = [
  field('fiscal_year', '年度', 'integer', '比較した年度。年度の始まる西暦年で表す（令和4年度は2022）。'),
  field('fiscal_year_label', '年度表記', 'string', '比較した年度の和暦表記（令和4年度など）。'),
  field('prefecture_code', '都道府県コード', 'string', '都道府県の2桁のコード（JIS X 0401）。'),
  field('prefecture', '都道府県', 'string', '都道府県の名称。'),
  field('municipality_code', '全国地方公共団体コード', 'string', '検査数字を含む6桁のコード。'),
  field('municipality', '地方公共団体名', 'string', '計画を策定した地方公共団体の名称。'),
  field('plan_id', '計画ID', 'string', '計画を識別する英数字の記号（公開ページのアドレスに使う）。'),
  field(
    'plan_title',
    '計画名',
    'string',
    '計画（総合戦略など）の名称。一つの団体に複数の計画がある場合は計画ごとに1行。',
  ),
  field('edition', '版', 'integer', 'その年度に公表した実施報告のうち、比較に用いた最新の版の番号。'),
  ...measure('overall', '全体', '計画全体'),
  ...measure('basic', '基本目標', '基本目標'),
  ...measure('cross_cutting', '横断的な目標', '横断的な目標'),
];
