import { expect, it } from 'vitest';
import { testApp } from '../support/web.ts';
import { seedStaff, StaffClient } from './staff-helpers.ts';
import { describeStores } from '../support/stores.ts';

/** A plan whose shape is right but whose meaning is not: the normaliser's mistakes, and a typo'd key. */
const MEANING = `plan:
  id: midori-words
  title: みどり町総合戦略
  municipality: みどり町
  period: {from: R4, to: R8}
goals:
  - id: G1
    kind: basic
    number: 1
    title: 人の流れをつくる
    kpis:
      - id: newcomers
        name: 移住者数
        unit: 人
        departmnt: 企画課
        baseline: 100
        target: 8,00x
      - id: events
        name: 交流イベント参加者数
        unit: 人
        baseline: 1000
        target: 2000
        actuals: {H40: 1400}
  - id: G2
    kind: basic
    number: 2
    title: 環境にやさしいまちをつくる
    kpis:
      - id: events
        name: 参加者数
        baseline: 10
        target: 20
      - ref: newcomer
`;

/** A plan of the wrong shape: a key missing, a value of the wrong type, a typo'd key. */
const SHAPE = `plan:
  id: midori-words
  title: みどり町総合戦略
  municipality: みどり町
  period: R4-R8
  evaluaton: {method: pace}
goals:
  - id: G1
    kind: basic
    number: 1
    kpis:
      - id: newcomers
        name: 移住者数
        baseline: 100
        target: 200
`;

/** The YAML keys a problem may name bare, as the writer typed them in the file. */
const KEYS = new Set(['plan', 'goals', 'period', 'title', 'from', 'to', 'ref', 'target', 'baseline']);

function upload(browser: StaffClient, content: string) {
  const form = new FormData();
  form.set('_csrf', browser.csrf ?? '');
  form.set('file', new File([content], 'plan.yaml', { type: 'application/yaml' }));
  return browser.request('/staff/import', {
    method: 'POST',
    body: form,
    headers: { Origin: 'http://localhost' },
  });
}

/** The problem lines of the page, each as `where: words`. */
function problemLines(html: string): string[] {
  const list = /<ul class="plain-list">(.*?)<\/ul>/s.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<li>(.*?)<\/li>/gs)].map((m) =>
    (m[1] ?? '')
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );
}

/** English words of three letters or more, once the place and the quoted keys and values are set aside. */
function englishWords(line: string): string[] {
  const words = line
    .replace(/^plan\.yaml(:\d+:\d+)?( \([^)]*\))?: /, '')
    .replace(/「[^」]*」/g, '')
    .match(/[A-Za-z]{3,}/g);
  return (words ?? []).filter((word) => !KEYS.has(word));
}

describeStores('plan import in Japanese', (store) => {
  it('words every problem of an uploaded plan in Japanese, each at its line', async () => {
    await seedStaff(store());
    const office = new StaffClient(testApp(store()));
    await office.login('office');
    await office.get('/staff');

    const meaning = await upload(office, MEANING);
    expect(meaning.status).toBe(422);
    const found = problemLines(meaning.html);
    expect(found).toEqual([
      'plan.yaml:15:9 (goals[0].kpis[0].departmnt): 「departmnt」というキーはありません。「department」の書き間違いではありませんか。',
      'plan.yaml:17:17 (goals[0].kpis[0].target): カンマが桁区切りの位置にありません。3,908 または 3908 のように入力してください。',
      'plan.yaml:23:24 (goals[0].kpis[1].actuals.H40): 「H40」は年度として読み取れません。R4、令和4年度、H30、2022 のように書いてください（1926～2200年度）。',
      'plan.yaml:29:13 (goals[1].kpis[0].id): 数値目標のID「events」が2回定義されています。別の目標の下にも載せる（再掲する）場合は、そこに「- ref: events」と書いてください。',
      'plan.yaml:33:14 (goals[1].kpis[1].ref): ID「newcomer」の数値目標はありません。ref には、別の目標の下で定義した数値目標のIDを書きます。',
    ]);

    const shape = await upload(office, SHAPE);
    expect(shape.status).toBe(422);
    const shapeFound = problemLines(shape.html);
    expect(shapeFound).toEqual([
      'plan.yaml:5:11 (plan.period): マッピング（「キー: 値」の並び）を書くところに、文字列の「R4-R8」があります。',
      'plan.yaml:6:3 (plan.evaluaton): 「evaluaton」というキーはありません。「evaluation」の書き間違いではありませんか。',
      'plan.yaml:8:5 (goals[0]): キー「title」がありません。「title:」を書き加えてください。',
    ]);
    for (const line of [...found, ...shapeFound]) expect(englishWords(line), line).toEqual([]);
  });
});
