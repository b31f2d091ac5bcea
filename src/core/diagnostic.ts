import type { FiscalYear } from './fiscal-year.ts';

/** Something a committee or the planning office should look at; the figures stay as computed. */
export type Diagnostic =
  | { code: 'tiny-gap'; kpiId: string; series: string | null; gap: string; progress: string }
  | { code: 'shared-kpi'; kpiId: string; goals: readonly string[] }
  | { code: 'missing-baseline'; kpiId: string; series: string | null }
  | { code: 'target-met-at-baseline'; kpiId: string; series: string | null }
  | { code: 'missing-actual'; kpiId: string; series: string | null; year: FiscalYear; reason: string | null }
  | { code: 'unit-mismatch'; kpiId: string; units: readonly (string | null)[] }
  | {
      code: 'outlier';
      kpiId: string;
      series: string | null;
      year: FiscalYear;
      value: string;
      previous: string;
      usualStep: string;
    }
  | { code: 'phrase-override'; kpiId: string; year: FiscalYear; written: string }
  | { code: 'no-assessment'; kpiId: string; year: FiscalYear }
  /** evaluation.against: interim, and no interim target for the year judged: no score, said plainly. */
  | { code: 'no-interim-target'; kpiId: string; series: string | null; year: FiscalYear }
  /** evaluation.data: latest judged the KPI on an earlier year's figure (直近値). */
  | { code: 'latest-data'; kpiId: string; series: string | null; year: FiscalYear; dataYear: FiscalYear };

export type DiagnosticCode = Diagnostic['code'];

export const DIAGNOSTIC_SEVERITY: Readonly<Record<DiagnosticCode, 'warning' | 'info'>> = {
  'tiny-gap': 'warning',
  'shared-kpi': 'info',
  'missing-baseline': 'warning',
  'target-met-at-baseline': 'warning',
  'missing-actual': 'warning',
  'unit-mismatch': 'warning',
  outlier: 'warning',
  'phrase-override': 'info',
  'no-assessment': 'info',
  'no-interim-target': 'warning',
  'latest-data': 'info',
};
