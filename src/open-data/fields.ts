/** The data dictionary (項目定義) of the KPI dataset: every column, in order, with what it holds. */
export interface OpenDataField {
  /** The English key: JSON records use it, and it never changes. */
  readonly key: string;
  /** The Japanese column name, as the CSV heads the column. */
  readonly label: string;
  readonly type: 'string' | 'integer' | 'number';
  /** The unit where the column has one of its own; the KPI's unit is in `unit`. */
  readonly unit: string | null;
  readonly description: string;
}

export const TYPE_LABELS = { string: '文字列', integer: '整数', number: '数値' } as const;

const field = <K extends string>(
  key: K,
  label: string,
  type: OpenDataField['type'],
  description: string,
  unit: string | null = null,
): OpenDataField & { readonly key: K } => ({ key, label, type, unit, description });

export const FIELDS = [
  field(
    'municipality_code',
    '全国地方公共団体コード',
    'string',
    '検査数字を含む6桁のコード。指定のない場合は空欄。',
  ),
  field('municipality', '地方公共団体名', 'string', '計画を策定した地方公共団体の名称。'),
  field('plan_title', '計画名', 'string', '数値目標を定めた計画（総合戦略など）の名称。'),
  field('fiscal_year', '年度', 'integer', '実績値の年度。年度の始まる西暦年で表す（令和4年度は2022）。'),
  field('fiscal_year_label', '年度表記', 'string', '実績値の年度の和暦表記（令和4年度など）。'),
  field('goal_kind', '目標区分', 'string', '「基本目標」または「横断的な目標」。'),
  field('goal_number', '目標番号', 'integer', '目標区分ごとの番号。'),
  field(
    'goal_title',
    '目標',
    'string',
    '数値目標を定めた目標の名称。再掲の数値目標は、定めた目標に一度だけ掲載する。',
  ),
  field('kpi_id', '数値目標ID', 'string', '計画の中で数値目標を識別する英数字の記号。年度が変わっても同じ。'),
  field('kpi_name', '数値目標', 'string', '数値目標（KPI）の名称。'),
  field('category', '区分', 'string', '成果・比較などの区分。複数ある場合は「・」で区切る。'),
  field('department', '担当課', 'string', '実績値を報告する担当課。定めのない場合は空欄。'),
  field(
    'series_label',
    '系列',
    'string',
    '一つの数値目標に男性・女性などの複数の値がある場合の区分。ない場合は空欄。',
  ),
  field('unit', '単位', 'string', '現状値・目標値・実績値の単位。'),
  field(
    'direction',
    '目指す方向',
    'string',
    '「増加」（値が大きいほどよい）または「減少」（値が小さいほどよい）。',
  ),
  field('baseline', '現状値', 'number', '計画策定時の値（基準値）。単位は「単位」の列による。'),
  field(
    'baseline_year',
    '現状値の年度',
    'string',
    '現状値の年度（H30、H30～R2平均値など、計画の表記のまま）。',
  ),
  field('target', '目標値', 'number', '目標年度に目指す値。単位は「単位」の列による。'),
  field('target_year', '目標年度', 'integer', '目標値の年度。年度の始まる西暦年で表す。'),
  field(
    'actual',
    '実績値',
    'number',
    'その年度の実績値。ない場合は空欄とし、理由を「実績値がない理由」に記す。',
  ),
  field('actual_state', '実績値の状態', 'string', '「確定」または「見込」。実績値がない場合は空欄。'),
  field('missing_reason', '実績値がない理由', 'string', '未取得・集計中など、実績値がない理由。'),
  field(
    'progress',
    '目標進捗率',
    'number',
    '（実績値－現状値）÷（目標値－現状値）×100。計画の定める桁で端数処理した値。算出できない場合は空欄。',
    '%',
  ),
  field(
    'status',
    '達成状況',
    'string',
    '「達成」「未達成」または「未評価」（実績値がなく評価しない）。系列が複数ある場合は数値目標全体の状況。',
  ),
] as const;

export type FieldKey = (typeof FIELDS)[number]['key'];

/**
 * Columns a dataset has only where its plan uses the form (trend statuses, cumulative KPIs, calendar or
 * census years), appended after the standard ones so every other dataset stays as it was.
 */
export const EXTRA_FIELDS = [
  field(
    'trend_status',
    '推移の評価',
    'string',
    '前年度または現状値からの推移による評価（進展・○・Sなど、計画の表記のまま）。評価できない場合は空欄。',
  ),
  field(
    'cumulative',
    '累計',
    'string',
    '累計で評価する系列は「累計」。実績値はその年度までの累計。年度途中から累計とする場合は、その年度より前は空欄。',
  ),
  field(
    'year_kind',
    '年の種類',
    'string',
    '「年度」「暦年」または「国勢調査」。年度表記もこれに従う（令和4年など）。',
  ),
  field(
    'target_form',
    '目標値の表記',
    'string',
    '目標値が範囲（「以上」「超」「以下」「未満」）または語（「維持」「増加」など）で示されている場合はその表記。語の場合、目標値の列は比べる基準の値。数値のみの目標は空欄。',
  ),
  field(
    'actual_form',
    '実績値の表記',
    'string',
    '実績値が範囲（「以上」「超」「以下」「未満」）でのみ示されている場合はその表記。数値のみの実績は空欄。',
  ),
] as const;

export type ExtraFieldKey = (typeof EXTRA_FIELDS)[number]['key'];
