import type { Direction } from './plan.ts';

/**
 * Common indicators (比較可能指標): KPIs that many municipalities measure the same way, so that a host can
 * set one city's figure beside another's. A plan tags a KPI with one of these codes (`indicator:` in the
 * plan file); the list is short on purpose, since a code promises that the figure means the same thing
 * everywhere. docs/indicators.md is its documentation; add to both together.
 */
export interface Indicator {
  readonly code: IndicatorCode;
  readonly ja: string;
  readonly en: string;
  /** The unit the figure is compared in, as the plans write it. */
  readonly unit: { readonly ja: string; readonly en: string };
  /**
   * Counts grow with the town, so they are compared per this many residents (the plan's population);
   * null for a rate or ratio that is already comparable as it stands.
   */
  readonly perResidents: 1000 | 10000 | 100000 | null;
  /** Which way is better, for the comparison's order; a KPI's own direction still decides its status. */
  readonly better: Direction;
  /** Where the national figure is published, so a city can check its definition. */
  readonly source: { readonly ja: string; readonly en: string };
}

export const INDICATOR_CODES = [
  'total-fertility-rate',
  'births',
  'marriages',
  'net-migration',
  'job-openings-ratio',
  'new-businesses',
  'healthy-life-expectancy',
  'furusato-donations',
  'tourists',
  'waiting-children',
  'relocation-consultations',
] as const;

export type IndicatorCode = (typeof INDICATOR_CODES)[number];

export const INDICATORS: readonly Indicator[] = [
  {
    code: 'total-fertility-rate',
    ja: '合計特殊出生率',
    en: 'Total fertility rate',
    unit: { ja: '', en: '' },
    perResidents: null,
    better: 'increase',
    source: { ja: '人口動態統計特殊報告（厚生労働省）', en: 'Vital statistics (MHLW)' },
  },
  {
    code: 'births',
    ja: '出生数',
    en: 'Births',
    unit: { ja: '人', en: 'people' },
    perResidents: 1000,
    better: 'increase',
    source: { ja: '人口動態統計（厚生労働省）', en: 'Vital statistics (MHLW)' },
  },
  {
    code: 'marriages',
    ja: '婚姻件数',
    en: 'Marriages',
    unit: { ja: '件', en: 'marriages' },
    perResidents: 1000,
    better: 'increase',
    source: { ja: '人口動態統計（厚生労働省）', en: 'Vital statistics (MHLW)' },
  },
  {
    code: 'net-migration',
    ja: '社会増減数',
    en: 'Net migration',
    unit: { ja: '人', en: 'people' },
    perResidents: 1000,
    better: 'increase',
    source: {
      ja: '住民基本台帳人口移動報告（総務省）',
      en: 'Report on internal migration (MIC)',
    },
  },
  {
    code: 'job-openings-ratio',
    ja: '有効求人倍率',
    en: 'Ratio of job openings to applicants',
    unit: { ja: '倍', en: 'times' },
    perResidents: null,
    better: 'increase',
    source: { ja: '職業安定業務統計（厚生労働省）', en: 'Employment service statistics (MHLW)' },
  },
  {
    code: 'new-businesses',
    ja: '創業件数',
    en: 'Business start-ups',
    unit: { ja: '件', en: 'start-ups' },
    perResidents: 10000,
    better: 'increase',
    source: { ja: '創業支援等事業計画の実績報告', en: 'Start-up support plan reports' },
  },
  {
    code: 'healthy-life-expectancy',
    ja: '健康寿命',
    en: 'Healthy life expectancy',
    unit: { ja: '年', en: 'years' },
    perResidents: null,
    better: 'increase',
    source: {
      ja: '健康寿命の算定方法の指針（厚生労働科学研究）',
      en: 'Healthy life expectancy guideline (MHLW)',
    },
  },
  {
    code: 'furusato-donations',
    ja: 'ふるさと納税の寄附件数',
    en: 'Hometown tax donations',
    unit: { ja: '件', en: 'donations' },
    perResidents: 1000,
    better: 'increase',
    source: { ja: 'ふるさと納税に関する現況調査（総務省）', en: 'Hometown tax survey (MIC)' },
  },
  {
    code: 'tourists',
    ja: '観光入込客数',
    en: 'Tourist visits',
    unit: { ja: '人', en: 'visits' },
    perResidents: 1000,
    better: 'increase',
    source: { ja: '観光入込客統計（観光庁）', en: 'Tourism statistics (JTA)' },
  },
  {
    code: 'waiting-children',
    ja: '待機児童数',
    en: 'Children waiting for day care',
    unit: { ja: '人', en: 'children' },
    perResidents: 10000,
    better: 'decrease',
    source: { ja: '保育所等関連状況取りまとめ（こども家庭庁）', en: 'Day care survey (CFA)' },
  },
  {
    code: 'relocation-consultations',
    ja: '移住相談件数',
    en: 'Relocation consultations',
    unit: { ja: '件', en: 'consultations' },
    perResidents: 10000,
    better: 'increase',
    source: { ja: '移住相談に関する調査（総務省）', en: 'Relocation consultation survey (MIC)' },
  },
];

const BY_CODE = new Map<string, Indicator>(INDICATORS.map((i) => [i.code, i]));

export function isIndicatorCode(text: string): text is IndicatorCode {
  return BY_CODE.has(text);
}

export function indicatorByCode(code: string): Indicator | null {
  return BY_CODE.get(code) ?? null;
}
