import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import { renderReportHtml } from '../../src/render/html/report.ts';
import { messagesFor } from '../../src/render/messages.ts';
import { assessmentBullets, goalTable } from '../../src/render/report-model.ts';
import { assessmentText } from '../../src/render/xlsx/cells.ts';
import { revisedKitamoto } from '../support/revised-kitamoto.ts';

const ja = messagesFor('ja');
const en = messagesFor('en');
const NOTE = '子育て支援策の拡充に合わせて上方修正';

function birthsIn(year: number) {
  const evaluation = evaluate(revisedKitamoto(), year);
  const goal = evaluation.goals.find((g) => g.kpis.some((k) => k.id === 'births'));
  if (!goal) throw new Error('no goal lists births');
  const row = (messages = ja) =>
    goalTable(goal, evaluation, messages).rows.find((r) => r.kpi.id === 'births');
  const bullet = (messages = ja) =>
    assessmentBullets(goal, evaluation, messages).find((b) => b.kpi.id === 'births');
  return { evaluation, row, bullet };
}

describe('a revised target in the reports', () => {
  it('is printed beside the target in force, and with its reason in the assessment, from its year on', () => {
    const r5 = birthsIn(2023);
    // Columns: KPI, category, baseline, target, …
    expect(r5.row()?.cells[3]?.lines).toEqual(['390人', '※目標値を上方修正（390人、令和5年度から）']);
    expect(r5.bullet()?.text).toBe(`※目標値を上方修正（390人、令和5年度から）。理由：${NOTE}`);
    expect(r5.row(en)?.cells[3]?.lines).toEqual(['390人', '※Target raised to 390人 from R5']);
    expect(r5.bullet(en)?.text).toBe(`* Target raised to 390人 from R5. Reason: ${NOTE}`);
    const kpi = r5.evaluation.kpis.find((k) => k.id === 'births');
    expect(kpi && assessmentText(kpi, 2023, ja)).toContain(`理由：${NOTE}`);
    const html = renderReportHtml(r5.evaluation, ja);
    expect(html).toContain('※目標値を上方修正（390人、令和5年度から）');
    expect(html).toContain(NOTE);
  });

  it('is not printed for a year before it applies', () => {
    const r4 = birthsIn(2022);
    expect(r4.row()?.cells[3]?.lines).toEqual(['380人']);
    expect(r4.bullet()?.text).toBe('子育て世代をターゲットとした事業を実施していくことで出生数の増加を図る');
    expect(renderReportHtml(r4.evaluation, ja)).not.toContain('上方修正');
  });
});
