import { formatFiscalYearLong } from '../../core/fiscal-year.ts';
import type { Direction } from '../../core/plan.ts';
import type { FoundValue, PlanProblemDetail } from '../../plan-file/problem-detail.ts';
import { jaNote, jaRefusal, jaTextProblem } from './staff-words-ja.ts';

/** A text quoted from the file, clipped so a huge one cannot make a huge message. */
const q = (text: string): string => {
  const chars = [...text.slice(0, 200)];
  return `「${chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : text}」`;
};

const year = formatFiscalYearLong;

/** The fields an English text may be given for without its Japanese one. */
const JA_FIELD: Readonly<Record<string, string>> = {
  unit: '単位',
  department: '担当課',
  status: '状況の文言',
  assessment: '達成状況・要因及び対策等',
};

/** The types the schema expects, as the plan file's writer knows them. */
const JA_TYPE: Readonly<Record<string, string>> = {
  string: '文字列',
  number: '数値',
  int: '整数',
  boolean: 'true か false',
  object: 'マッピング（「キー: 値」の並び）',
  record: 'マッピング（「キー: 値」の並び）',
  array: 'リスト（「- 」で始まる行の並び）',
  tuple: 'リスト（「- 」で始まる行の並び）',
  null: '空の値',
};
const jaType = (type: string): string => JA_TYPE[type] ?? '別の形の値';

const jaFound = (value: FoundValue): string => {
  switch (value.kind) {
    case 'null':
      return '空の値';
    case 'list':
      return 'リスト';
    case 'mapping':
      return 'マッピング';
    case 'scalar':
      return `${jaType(value.type)}の${q(value.text)}`;
  }
};

const JA_DIRECTION: Readonly<Record<Direction, string>> = { increase: '増やす', decrease: '減らす' };
const side = (implied: Direction) => (implied === 'increase' ? '上' : '下');

/** Everything the plan-file reader can say, in Japanese, for the staff's plan import page. */
export function jaPlanFileProblem(detail: PlanProblemDetail): string {
  switch (detail.code) {
    case 'file-too-large':
      return `ファイルが${detail.megabytes}MBあります。計画ファイルは${detail.limit}MBまでです。計画ファイルではなく、データの書き出しなどではないか確かめてください。`;
    case 'file-empty':
      return 'ファイルが空です。計画ファイルは「plan:」と「goals:」で始まります。';
    case 'alias-bomb':
      return 'YAMLの別名（エイリアス）が多すぎます。資源を使い尽くさせる攻撃と同じ書き方のため、読み込みません。値をそのまま書いてください。';
    case 'not-a-plan':
      return 'このファイルには計画が書かれていません。計画ファイルは、「plan」と「goals」をキーとするマッピングです。';
    case 'too-deep':
      return `この位置で入れ子が${detail.limit}段を超えています（計画に必要なのは10段ほどです）。閉じていない [ や {、深くなり続ける字下げがないか確かめてください。`;
    case 'syntax':
      return detail.duplicateKey
        ? '同じキーが1つのマッピングの中に2回書かれています。キーは1回だけ書いてください。'
        : 'YAMLとして読み取れません。この位置の字下げや引用符を確かめてください。';
    case 'text':
      return jaTextProblem(detail.text);
    case 'invalid':
      return 'この値は使えません。';
    case 'unknown-key':
      return `${q(detail.key)}というキーはありません。${detail.near ? `${q(detail.near)}の書き間違いではありませんか。` : '取り除くか、字下げを確かめてください。'}`;
    case 'missing-key':
      return `キー${q(detail.key)}がありません。「${detail.key}:」を書き加えてください。`;
    case 'wrong-form':
      return `値の形が違います。${detail.expected.map(jaType).join('または')}で書いてください。`;
    case 'wrong-type':
      return `${jaType(detail.expected)}を書くところに、${jaFound(detail.found)}があります。`;
    case 'not-allowed':
      return `${q(detail.value)}はここには書けません。次のいずれかにしてください：${detail.allowed.join('、')}。`;
    case 'too-few':
      return `このリストには少なくとも${detail.minimum}件書いてください。`;
    case 'too-small':
      return `この値は小さすぎるか短すぎます（${detail.minimum}以上）。`;
    case 'period-reversed':
      return '計画期間の終わりが始まりより前になっています。from と to を入れ替えてください。';
    case 'goal-id-twice':
      return `目標のID${q(detail.id)}が2回使われています。目標ごとに別のIDにしてください。`;
    case 'kpi-id-twice':
      return `数値目標のID${q(detail.id)}が2回定義されています。別の目標の下にも載せる（再掲する）場合は、そこに「- ref: ${detail.id}」と書いてください。`;
    case 'unknown-ref':
      return `ID${q(detail.id)}の数値目標はありません。${detail.near ? `${q(detail.near)}の書き間違いではありませんか。` : 'ref には、別の目標の下で定義した数値目標のIDを書きます。'}`;
    case 'kpi-listed-twice':
      return `目標${q(detail.goal)}に、数値目標${q(detail.id)}が2回載っています。`;
    case 'grade-min-not-last':
      return `min を省略できるのは最後の段階だけです。${q(detail.label)}は最後ではありません。`;
    case 'trend-open-not-last':
      return `推移の評価の段階${q(detail.label)}には条件がないため、残りのすべての数値目標がここに入り、後の段階に届きません。over・min・reached: true のいずれかを書くか、最後に移してください。`;
    case 'edition-order':
      return `${formatFiscalYearLong(detail.from)}からの設定が、${formatFiscalYearLong(detail.previous)}からの設定の後に書かれています。editions は古い年度から順に、1年度に一つ書いてください。`;
    case 'cumulative-since-after-from':
      return `累計を足し始める年度（${formatFiscalYearLong(detail.since)}）が、累計で評価する最初の年度（${formatFiscalYearLong(detail.from)}）より後です。since を from と同じかそれより前にしてください。`;
    case 'grade-order':
      return '評価の段階は良いものから順に並べ、各段階の min は一つ前より小さくしてください。';
    case 'series-and-figures':
      return `数値目標${q(detail.id)}に、系列（series）と、系列の外の現状値・目標値・実績値の両方があります。値を各系列の中に書くか、系列をやめてください。`;
    case 'no-target':
      return `数値目標${q(detail.name)}に目標値（target）がありません。「target: 値」を書き加えてください。`;
    case 'no-interim-targets':
      return `数値目標${q(detail.name)}には年度目標（milestones）が一つもないため、「against: interim」ではどの年度も達成度を算出できません。評価する年度の「milestones: {年度: 値}」（期待値・年度目標）を書き加えてください。`;
    case 'direction-contradicts':
      return `向き（direction）は「${JA_DIRECTION[detail.stated]}」ですが、目標値 ${detail.target} は現状値 ${detail.baseline} より${side(detail.implied)}です。目標値か現状値を直すか、direction を取り除いてください。`;
    case 'direction-needed':
      return `数値目標${q(detail.name)}は、${detail.equal ? '目標値が現状値と同じ' : '現状値がない'}ため、増やすのと減らすのとどちらが良いか決まりません。「direction: increase」（増やす）か「direction: decrease」（減らす）を書き加えてください。`;
    case 'not-decimal':
      return `${q(detail.text)}は10進数の数値ではありません。数値は10進数の数字で書いてください。`;
    case 'figure':
      return jaRefusal(detail.problem);
    case 'normalized':
      return `${q(detail.text)}を数値として読みました。${detail.notes.map(jaNote).join('')}数字だけで書くと、この注意は出なくなります。`;
    case 'bad-year':
      return `${q(detail.text)}は年度として読み取れません。R4、令和4年度、H30、2022 のように書いてください（1926～2200年度）。`;
    case 'bad-year-span':
      return `${q(detail.text)}は年度、または年度の範囲として読み取れません。H30、または「H30～R2平均値」のように書いてください。`;
    case 'duplicate-year':
      return `${q(detail.key)}は${year(detail.year)}で、この一覧にすでにあります。1つの年度には1つだけ書いてください。`;
    case 'revision-twice':
      return `数値目標${q(detail.name)}に、${year(detail.from)}からの見直しが2つあります。見直しは年度ごとに1つにし、両方の値が変わった場合は1つの見直しに両方を書いてください。`;
    case 'revision-order':
      return `見直しは古い順に並べます。${year(detail.from)}からの見直しが、${year(detail.previous)}からの見直しの後にあります。`;
    case 'revision-outside':
      return `${year(detail.from)}からの見直しが、計画期間（${year(detail.start)}～${year(detail.end)}）の外にあります。見直しは計画期間内の年度から適用します。`;
    case 'revision-before-baseline':
      return `${year(detail.from)}からの見直しが、現状値の年度（${year(detail.baselineYear)}）より後になっていません。見直しは現状値を測った年度より後の年度から適用します。`;
    case 'revision-no-note':
      return `${year(detail.from)}からの見直しに説明（note）がありません。値を変えた理由を、報告書に載せる文で書いてください。`;
    case 'revision-empty':
      return `${year(detail.from)}からの見直しは、目標値も現状値も変えていません。「target:」か「baseline:」（または両方）を書いてください。`;
    case 'revision-removes-baseline':
      return `${year(detail.from)}からの見直しが現状値をなくしています。見直しには新しい現状値を書きます。現状値をなくす変更は計画そのものを直してください。`;
    case 'revision-target-before':
      return `見直し後の目標値が${year(detail.targetYear)}のもので、見直しを適用する年度（${year(detail.from)}）より前です。目標の年度は適用する年度以降にしてください。`;
    case 'revision-turns':
      return `${year(detail.from)}から、目標値 ${detail.target} が現状値 ${detail.baseline} より${side(detail.implied)}になり、数値目標${q(detail.name)}の向きが「${JA_DIRECTION[detail.direction]}」から「${JA_DIRECTION[detail.implied]}」に変わってしまいます。見直しで変えられるのは目指す程度であって、向きではありません。値を確かめてください。`;
    case 'revision-no-change':
      return `${year(detail.from)}からの見直しは、すでに適用されている値と同じで、何も変えません。取り除くか、値を直してください。`;
    case 'target-form':
      return `数値目標${q(detail.name)}の目標値は、数値（value）、言葉（word）、目標値なし（null）のいずれか一つで書いてください。「以上」「超」などの範囲（bound）は数値と一緒に書きます（93%超は {value: 93, bound: more-than}）。`;
    case 'revision-target-form':
      return `数値目標${q(detail.name)}の見直しで、目標値が言葉か「目標値なし」になっています。見直し後の目標値は数値で書いてください。`;
    case 'judgement-with-target':
      return `数値目標${q(detail.name)}には数値の目標値があるため、評価は計算で決まり、手入力の評価（judgement）は書けません。judgement を取り除くか、数値の目標値がない場合は target を null にしてください。`;
    case 'word-needs-baseline':
      return `数値目標${q(detail.name)}の目標値「${detail.word}」は現状値と比べる言葉ですが、現状値がありません。現状値を書き加えるか、目標値を数値で書いてください。`;
    case 'target-form-contradicts':
      return `向き（direction）は「${JA_DIRECTION[detail.stated]}」ですが、目標値「${detail.form}」は逆の向きで達成されます。direction を取り除いてください（向きは目標値の書き方で決まります）。`;
    case 'bound-without-figure':
      return '実績値のない年度に、範囲（bound）か表記（label）が書かれています。value に数値を書くか、bound と label を取り除いてください。';
    case 'translation-no-original':
      return `英語の${JA_FIELD[detail.field] ?? detail.field}がありますが、訳す元の日本語の${JA_FIELD[detail.field] ?? detail.field}が隣にありません。日本語も書くか、英語を取り除いてください。`;
    case 'translation-count':
      return `英語の区分は${detail.found}個、日本語の区分は${detail.expected}個です。日本語の区分ごとに英語を一つずつ、同じ順に書いてください。`;
    case 'no-plan-id':
      return '計画にIDがないため、保存できません。「plan:」の下に「id:」を書き加えてください（英小文字・数字・ハイフン）。';
    case 'municipality-code':
      return detail.problem.reason === 'shape'
        ? `${q(detail.text)}は全国地方公共団体コードとして読み取れません。6桁の数字を引用符で囲んで書いてください（例：北本市は "112330"）。`
        : `${q(detail.text)}の末尾は${detail.problem.written}ですが、検査数字は${detail.problem.expected}です。コードを確かめてください。`;
    case 'population':
      return `人口${q(detail.text)}は人数（正の整数）ではありません。「population: { value: 65216, year: R2 }」のように書いてください。`;
  }
}
