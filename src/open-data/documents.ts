import { formatFiscalYearLong } from '../core/fiscal-year.ts';
import type { Evaluation } from '../core/evaluation.ts';
import { toCsv, type CsvCell } from '../render/csv.ts';
import { JsonDecimal, toJsonText, type JsonValue } from '../render/json-text.ts';
import { messagesFor } from '../render/messages.ts';
import { FIELDS, TYPE_LABELS } from './fields.ts';
import type { OpenDataRecord, OpenDataset, OpenDataValue } from './records.ts';

export const LICENSE = {
  name: 'CC BY 4.0',
  title: 'クリエイティブ・コモンズ 表示 4.0 国際',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.ja',
} as const;

/** The plan as the evaluation carries it: title, municipality and period (a Plan is one). */
type PlanHeading = Evaluation['plan'];

export interface DatasetHeader {
  readonly plan: PlanHeading;
  readonly municipalityCode: string | null;
  /** The date the data was published or last updated, YYYY-MM-DD. */
  readonly updated: string;
}

/** A record's value for a column; an extra column the record lacks is blank. */
const recordValue = (record: OpenDataRecord, key: string): OpenDataValue =>
  (record as Readonly<Record<string, OpenDataValue>>)[key] ?? null;

const csvCell = (value: OpenDataValue): CsvCell =>
  value instanceof JsonDecimal ? { figure: value.text } : value;

/**
 * The rows as CSV: UTF-8 with a BOM (so that Excel opens it as UTF-8), Japanese column names, and
 * text guarded against formula injection by toCsv.
 */
export function datasetCsv(dataset: OpenDataset): string {
  return toCsv(
    dataset.fields.map((f) => f.label),
    dataset.records.map((record) => dataset.fields.map((f) => csvCell(recordValue(record, f.key)))),
    { bom: true },
  );
}

/** The data dictionary (項目定義書) as CSV, in the same encoding as the data. */
export function dictionaryCsv(dataset?: Pick<OpenDataset, 'fields'>): string {
  return toCsv(
    ['項目名', '英語キー', '型', '単位', '説明'],
    (dataset?.fields ?? FIELDS).map((f) => [f.label, f.key, TYPE_LABELS[f.type], f.unit, f.description]),
    { bom: true },
  );
}

export function datasetTitle(plan: PlanHeading): string {
  return `${plan.municipality} ${plan.title} 数値目標（KPI）の実績と進捗`;
}

/** The same rows as JSON, after a header block and the dictionary, so the file describes itself. */
export function datasetJson(dataset: OpenDataset, header: DatasetHeader): string {
  const { plan } = header;
  const first = dataset.years[0] ?? dataset.evaluation.year;
  const last = dataset.years[dataset.years.length - 1] ?? dataset.evaluation.year;
  const document: JsonValue = {
    dataset: {
      title: datasetTitle(plan),
      municipality: plan.municipality,
      municipalityCode: header.municipalityCode,
      plan: plan.title,
      planPeriod: { from: formatFiscalYearLong(plan.period.from), to: formatFiscalYearLong(plan.period.to) },
      period: { from: formatFiscalYearLong(first), to: formatFiscalYearLong(last) },
      method: messagesFor('ja').scoreHeading(dataset.evaluation.settings.method),
      updated: header.updated,
      license: { ...LICENSE },
      rows: dataset.records.length,
    },
    fields: dataset.fields.map((f) => ({
      key: f.key,
      label: f.label,
      type: f.type,
      unit: f.unit,
      description: f.description,
    })),
    records: dataset.records.map((r) => ({ ...r })),
  };
  return toJsonText(document);
}
