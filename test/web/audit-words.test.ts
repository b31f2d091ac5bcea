import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/core/language.ts';
import { recordAudit } from '../../src/store/audit.ts';
import { planIdOf } from '../../src/store/plan-repository.ts';
import { t } from '../../src/web/i18n/index.ts';
import { auditLine } from '../../src/web/presenters/audit-entry.ts';
import { ROOT } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { PLAN, seedStaff, StaffClient, text } from './staff-helpers.ts';

/** Every action the store writes: the literals, and the review moves it writes as `review.${to}`. */
function actionsWritten(): string[] {
  const dir = join(ROOT, 'src/store');
  const found = new Set(['review.submitted', 'review.approved', 'review.returned']);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(join(dir, file), 'utf8');
    for (const match of source.matchAll(/'([a-z]+\.[a-z-]+)'/g)) {
      if (
        /^(user|department|plan|edition|kpi|observation|assessment|comment|collect|review)\./.test(
          match[1] ?? '',
        )
      )
        found.add(match[1] as string);
    }
  }
  return [...found].sort();
}

const row = (over: Partial<Parameters<typeof auditLine>[1]>) => ({
  id: 1,
  at: new Date('2024-05-01T00:00:00Z'),
  user: 'kodomo',
  action: 'observation.save',
  subject: 'births/R5',
  field: 'value',
  oldValue: null,
  newValue: null,
  ...over,
});
const context = { kpiNames: new Map([['births', '出生数']]), planTitle: '第2期北本市総合戦略' };

describe('the audit log’s words', () => {
  it('has words for every action the store writes, in both languages', () => {
    const actions = actionsWritten();
    expect(actions).toContain('collect.apply');
    expect(actions).toContain('user.reset-password');
    for (const lang of LANGS) {
      const words = t(lang).staffAuditWords.actions;
      expect(
        actions.filter((a) => !Object.hasOwn(words, a)),
        lang,
      ).toEqual([]);
    }
  });

  it('words a code it does not know with a generic word, never the code', () => {
    const line = auditLine('ja', row({ action: 'budget.approve', field: 'ceiling', subject: 'x' }), context);
    expect(line.action).toBe('その他の変更');
    expect(line.field).toBe('その他の項目');
    expect(JSON.stringify(line)).not.toMatch(/budget|ceiling/);
    expect(auditLine('en', row({ action: 'budget.approve' }), context).action).toBe('Other change');
  });

  it('names the KPI, its series and the year instead of the key', () => {
    expect(auditLine('ja', row({ subject: 'births/R5' }), context).subject).toBe('出生数　令和5年度');
    expect(auditLine('ja', row({ action: 'kpi.revise', subject: 'births:男性/2023' }), context).subject).toBe(
      '出生数（男性）　令和5年度',
    );
    expect(auditLine('en', row({ subject: 'births/R5' }), context).subject).toBe('出生数, FY2023 (R5)');
    expect(auditLine('ja', row({ subject: 'gone/R5' }), context).subject).toBe(
      '（削除された数値目標）　令和5年度',
    );
    expect(auditLine('ja', row({ action: 'edition.publish', subject: 'R5#2' }), context).subject).toBe(
      '令和5年度 第2版',
    );
    expect(auditLine('ja', row({ action: 'plan.import', subject: PLAN }), context).subject).toBe(
      '第2期北本市総合戦略',
    );
  });

  it('words states, roles, flags, provisional figures and workbook batches; hides passwords', () => {
    const review = auditLine(
      'ja',
      row({
        action: 'review.approved',
        field: 'state',
        oldValue: 'submitted',
        newValue: 'returned: 単位を確認',
      }),
      context,
    );
    expect([review.action, review.field, review.oldValue, review.newValue]).toEqual([
      '承認',
      '状態',
      '確認待ち',
      '差し戻し：単位を確認',
    ]);
    expect(auditLine('en', row({ oldValue: '380人 (見込)', newValue: '390人' }), context)).toMatchObject({
      oldValue: '380人 (provisional)',
      newValue: '390人',
    });
    expect(
      auditLine(
        'ja',
        row({ action: 'user.update', field: 'role', oldValue: 'department', newValue: 'admin' }),
        context,
      ),
    ).toMatchObject({ field: '役割', oldValue: '担当課', newValue: '企画担当（管理者）' });
    expect(
      auditLine(
        'ja',
        row({ action: 'user.disable', field: 'disabled', oldValue: 'false', newValue: 'true' }),
        context,
      ),
    ).toMatchObject({ oldValue: '有効', newValue: '無効' });
    const batch = auditLine(
      'ja',
      row({
        action: 'collect.apply',
        subject: 'R5',
        field: null,
        newValue: '3 figures and 1 assessments from こども課.xlsx',
      }),
      context,
    );
    expect(batch).toMatchObject({
      action: '入力用ファイルの取込',
      subject: '令和5年度',
      newValue: '実績値3件・評価1件（こども課.xlsx）',
    });
    expect(
      auditLine('en', row({ action: 'user.change-password', field: 'password' }), context),
    ).toMatchObject({
      action: 'Password changed',
      field: 'Password',
      oldValue: '',
      newValue: '',
    });
  });
});

describeStores('the audit pages', (store) => {
  it('show KPI names, actions, fields and states in words, in Japanese and in English', async () => {
    await seedStaff(store());
    const planId = await planIdOf(store().db, PLAN);
    const entry = (
      action: string,
      subject: string,
      field: string | null,
      oldValue: string | null,
      newValue: string | null,
    ) => recordAudit(store().db, { userId: 1, planId, action, subject, field, oldValue, newValue });
    await entry('observation.save', 'furusato-donations/R5', 'value', null, '3,908件');
    await entry('observation.save', 'furusato-donations/R5', 'state', '3,908件 (見込)', '3,908件');
    await entry('review.approved', 'furusato-donations/R5', 'state', 'submitted', 'approved');
    await entry('collect.apply', 'R5', null, null, '15 figures and 2 assessments from kodomo.xlsx');
    const office = new StaffClient(testApp(store()));
    await office.login('office');
    const ja = text((await office.get(`/staff/plans/${PLAN}/audit`)).html);
    expect(ja).toContain('ふるさと納税寄附件数 令和5年度');
    expect(ja).toContain('入力用ファイルの取込');
    expect(ja).toContain('実績値15件・評価2件（kodomo.xlsx）');
    expect(ja).toContain('3,908件（見込）');
    expect(ja).toMatch(/承認 ふるさと納税寄附件数 令和5年度 状態 確認待ち 承認済み/);
    const en = text((await office.get(`/staff/plans/${PLAN}/audit?lang=en`)).html);
    expect(en).toContain('Workbooks applied');
    expect(en).toContain('ふるさと納税寄附件数, FY2023 (R5)');
    expect(en).toContain('15 figures and 2 assessments (kodomo.xlsx)');
    const tables = await Promise.all(
      ['', '?lang=en'].map(async (q) => {
        const html = (await office.get(`/staff/plans/${PLAN}/audit${q}`)).html;
        return text(/<table[\s\S]*<\/table>/.exec(html)?.[0] ?? '');
      }),
    );
    for (const page of tables) {
      for (const code of [
        'collect.apply',
        'observation.save',
        'review.approved',
        'furusato-donations',
        ' value ',
        'submitted',
        '(見込)',
      ]) {
        expect(page, code).not.toContain(code);
      }
    }
  });
});
