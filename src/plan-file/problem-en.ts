import { describeFigureNote, describeFigureProblem } from '../core/figure-text-en.ts';
import { formatFiscalYear } from '../core/fiscal-year.ts';
import { describeTextProblem } from '../core/text-field-en.ts';
import type { FoundValue, PlanProblemDetail } from './problem-detail.ts';

/** A plan-file problem in English, for the command line (and the web's English pages). */
export interface PlanProblemWords {
  readonly message: string;
  readonly hint: string | null;
}

const words = (message: string, hint: string | null = null): PlanProblemWords => ({ message, hint });

const found = (value: FoundValue): string => {
  switch (value.kind) {
    case 'null':
      return 'null';
    case 'list':
      return 'a list';
    case 'mapping':
      return 'a mapping';
    case 'scalar':
      return `${value.type} 「${value.text}」`;
  }
};

const above = (implied: string) => (implied === 'increase' ? 'above' : 'below');

export function describePlanProblem(detail: PlanProblemDetail): PlanProblemWords {
  switch (detail.code) {
    case 'file-too-large':
      return words(
        `The file is ${detail.megabytes} MB; a plan file may be at most ${detail.limit} MB.`,
        'Check that this is the plan file, not a data export.',
      );
    case 'file-empty':
      return words('The file is empty.', 'A plan file starts with `plan:` and `goals:`.');
    case 'alias-bomb':
      return words(
        'The file uses YAML aliases excessively, as a resource-exhaustion attack does.',
        'Write the values out instead of aliasing them.',
      );
    case 'not-a-plan':
      return words(
        'The file does not hold a plan.',
        'A plan file is a mapping with the keys `plan` and `goals`.',
      );
    case 'too-deep':
      return words(
        `The file nests more than ${detail.limit} levels deep here; a plan needs about ten.`,
        'Look for brackets [ or { that are never closed, or indentation that keeps growing.',
      );
    case 'syntax':
      return words(
        detail.english,
        detail.duplicateKey
          ? 'Each key may appear once in a mapping.'
          : 'Check the indentation and quoting here.',
      );
    case 'text':
      return describeTextProblem(detail.text);
    case 'invalid':
      return words(detail.english);
    case 'unknown-key':
      return words(
        `Unknown key 「${detail.key}」.`,
        detail.near ? `Did you mean 「${detail.near}」?` : 'Remove it, or check its indentation.',
      );
    case 'missing-key':
      return words(`The key 「${detail.key}」 is missing.`, `Add \`${detail.key}:\`.`);
    case 'wrong-form':
      return words(`This value has the wrong form: expected ${detail.expected.join(' or ')}.`);
    case 'wrong-type':
      return words(`Expected ${detail.expected}, found ${found(detail.found)}.`);
    case 'not-allowed':
      return words(`「${detail.value}」 is not allowed here.`, `Use one of: ${detail.allowed.join(', ')}.`);
    case 'too-few':
      return words(`This list needs at least ${detail.minimum} entry.`);
    case 'too-small':
      return words(`This value is too small or too short (at least ${detail.minimum}).`);
    case 'period-reversed':
      return words('The plan period ends before it starts.', 'Swap from and to.');
    case 'goal-id-twice':
      return words(`Goal id 「${detail.id}」 is used twice.`, 'Give each goal its own id.');
    case 'kpi-id-twice':
      return words(
        `KPI id 「${detail.id}」 is defined twice.`,
        'To list a KPI under a second goal (再掲), write `- ref: ' + detail.id + '` there instead.',
      );
    case 'unknown-ref':
      return words(
        `No KPI has the id 「${detail.id}」.`,
        detail.near
          ? `Did you mean 「${detail.near}」?`
          : 'A ref names the id of a KPI defined under another goal.',
      );
    case 'kpi-listed-twice':
      return words(`Goal ${detail.goal} lists KPI 「${detail.id}」 twice.`);
    case 'grade-min-not-last':
      return words(`Only the last band may leave out min; 「${detail.label}」 is not last.`);
    case 'trend-open-not-last':
      return words(
        `Trend band 「${detail.label}」 has no condition, so it takes every KPI left and the bands after it are never reached.`,
        'Give it `over`, `min` or `reached: true`, or move it to the end.',
      );
    case 'edition-order':
      return words(
        `The edition from ${formatFiscalYear(detail.from)} comes after the one from ${formatFiscalYear(detail.previous)}.`,
        'List editions oldest first, one per year.',
      );
    case 'cumulative-since-after-from':
      return words(
        `The running total starts summing in ${formatFiscalYear(detail.since)}, after ${formatFiscalYear(detail.from)}, the first year judged on it.`,
        'Make `since` the same year as `from` or earlier.',
      );
    case 'grade-order':
      return words('Grade bands go from best to worst, so each min must be lower than the one before.');
    case 'series-and-figures':
      return words(
        `KPI 「${detail.id}」 has both series and its own baseline, target or actuals.`,
        'Put the figures inside each series, or drop the series list.',
      );
    case 'no-target':
      return words(`KPI 「${detail.name}」 has no target.`, 'Add `target: <value>`.');
    case 'no-interim-targets':
      return words(
        `KPI 「${detail.name}」 sets no interim targets, so under \`against: interim\` it gets no score in any year.`,
        'Add `milestones: {<year>: <value>}` (期待値 / 年度目標) for the years it is evaluated.',
      );
    case 'direction-contradicts':
      return words(
        `direction is ${detail.stated}, but the target ${detail.target} is ${above(detail.implied)} the baseline ${detail.baseline}.`,
        'Correct the target or the baseline, or remove direction.',
      );
    case 'direction-needed':
      return words(
        detail.equal
          ? `KPI 「${detail.name}」 has its target equal to its baseline, so it cannot tell which way is better.`
          : `KPI 「${detail.name}」 has no baseline, so it cannot tell which way is better.`,
        'Add `direction: increase` or `direction: decrease`.',
      );
    case 'not-decimal':
      return words(`「${detail.text}」 is not a decimal number.`, 'Write the figure in decimal digits.');
    case 'figure': {
      const { message, hint } = describeFigureProblem(detail.problem);
      return words(message, detail.hint ? hint : null);
    }
    case 'normalized':
      return words(
        `「${detail.text}」 was read as a number: ${detail.notes.map(describeFigureNote).join('; ')}.`,
        'Write plain digits to silence this warning.',
      );
    case 'bad-year':
      return words(detail.english);
    case 'bad-year-span':
      return words(detail.english, 'Write the year as H30, or a span as 「H30～R2平均値」.');
    case 'duplicate-year':
      return words(
        `「${detail.key}」 is ${formatFiscalYear(detail.year)}, which this list already has.`,
        'Keep one entry per fiscal year.',
      );
    case 'revision-twice':
      return words(
        `KPI 「${detail.name}」 has two revisions from ${formatFiscalYear(detail.from)}.`,
        'Keep one revision per fiscal year, with both values in it if both changed.',
      );
    case 'revision-order':
      return words(
        `Revisions are listed oldest first, but the one from ${formatFiscalYear(detail.from)} comes after the one from ${formatFiscalYear(detail.previous)}.`,
        'Put the revisions in the order of their years.',
      );
    case 'revision-outside':
      return words(
        `A revision from ${formatFiscalYear(detail.from)} lies outside the plan period (${formatFiscalYear(detail.start)}～${formatFiscalYear(detail.end)}).`,
        'A revision applies from one of the plan’s years.',
      );
    case 'revision-before-baseline':
      return words(
        `A revision from ${formatFiscalYear(detail.from)} does not come after the baseline year (${formatFiscalYear(detail.baselineYear)}).`,
        'A revision applies from a year after the baseline was measured.',
      );
    case 'revision-no-note':
      return words(
        `The revision from ${formatFiscalYear(detail.from)} has no note.`,
        'Say why the value changed, as the report should print it.',
      );
    case 'revision-empty':
      return words(
        `The revision from ${formatFiscalYear(detail.from)} changes neither the target nor the baseline.`,
        'Add `target:` or `baseline:` (or both).',
      );
    case 'revision-removes-baseline':
      return words(
        `The revision from ${formatFiscalYear(detail.from)} removes the baseline.`,
        'A revision gives a new baseline value; a KPI that loses its baseline is changed in the plan itself.',
      );
    case 'revision-target-before':
      return words(
        `The revised target is for ${formatFiscalYear(detail.targetYear)}, before the revision applies (${formatFiscalYear(detail.from)}).`,
        'A target is for a year at or after the one the revision applies from.',
      );
    case 'revision-turns':
      return words(
        `From ${formatFiscalYear(detail.from)}, the target ${detail.target} would be ${above(detail.implied)} the baseline ${detail.baseline}, turning KPI 「${detail.name}」 from ${detail.direction} to ${detail.implied}.`,
        'Check the revised values: a revision changes how far the KPI aims, not which way is better.',
      );
    case 'revision-no-change':
      return words(
        `The revision from ${formatFiscalYear(detail.from)} gives the values already in force, so it changes nothing.`,
        'Remove it, or correct the revised value.',
      );
    case 'target-form':
      return words(
        `The target of KPI 「${detail.name}」 must be exactly one of a figure (value), a word (word) or none; a bound goes with a figure.`,
        'Write {value: 93, bound: more-than} for 93%超, {word: 維持} or 維持 for a word, null for no numeric target.',
      );
    case 'revision-target-form':
      return words(
        `A revision of KPI 「${detail.name}」 revises the target to a word or to none; a revision takes a figure.`,
        'Write the revised target as a number or {value, bound, year}.',
      );
    case 'judgement-with-target':
      return words(
        `KPI 「${detail.name}」 has a numeric target, so its grade is computed and cannot be given by hand.`,
        'Remove `judgement:`, or make the target null if the KPI truly has no numeric target.',
      );
    case 'word-needs-baseline':
      return words(
        `The target of KPI 「${detail.name}」 is the word 「${detail.word}」, which is measured against the baseline, but there is no baseline.`,
        'Add the baseline, or write the target as a figure.',
      );
    case 'target-form-contradicts':
      return words(
        `direction is ${detail.stated}, but the target 「${detail.form}」 is met by going the other way.`,
        'Remove `direction`; the target’s bound or word sets it.',
      );
    case 'bound-without-figure':
      return words(
        'A bound or printed label is given for a year with no figure.',
        'Write the figure as `value`, or remove `bound` and `label`.',
      );
    case 'translation-no-original':
      return words(
        `There is an English ${detail.field} here but no Japanese ${detail.field} beside it to translate.`,
        `Give the Japanese ${detail.field} too, or remove the English one.`,
      );
    case 'translation-count':
      return words(
        `The English category has ${detail.found} ${detail.found === 1 ? 'tag' : 'tags'}; the Japanese one has ${detail.expected}.`,
        'Give one English tag for each Japanese tag, in the same order.',
      );
    case 'no-plan-id':
      return words(
        'The plan has no id, so it cannot be stored.',
        'Add `id:` under `plan:` (lower-case letters, digits and hyphens).',
      );
    case 'municipality-code':
      return detail.problem.reason === 'shape'
        ? words(
            `「${detail.text}」 is not a municipality code (全国地方公共団体コード).`,
            'Write its six digits in quotes, e.g. "112330" for 北本市.',
          )
        : words(
            `「${detail.text}」 ends in ${detail.problem.written}, but its check digit is ${detail.problem.expected}: the code is mistyped.`,
            'Check the code against the list of 全国地方公共団体コード.',
          );
    case 'population':
      return words(
        `The population 「${detail.text}」 is not a whole number of residents.`,
        'Write the residents counted, e.g. `population: { value: 65216, year: R2 }`.',
      );
  }
}
