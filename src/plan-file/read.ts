import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { Plan } from '../core/plan.ts';
import { ProblemCollector } from './collector.ts';
import { normalizePlan } from './normalize.ts';
import type { TextProblem } from '../core/text-field.ts';
import { formatPath, type PathSegment, type Problem } from './problem.ts';
import type { PlanOrigin } from './origin.ts';
import { planFileSchema, storedPlanFileSchema } from './schema.ts';
import { MAX_NESTING, tooDeep } from './nesting.ts';
import { NO_SOURCE, yamlSource, type PlanSource } from './source.ts';
import { closest } from './suggest.ts';
import { withoutUnknownKeys } from './unknown-keys.ts';

/** A plan file larger than this is refused before it is parsed; a real one is a few hundred KB at most. */
export const MAX_PLAN_BYTES = 5 * 1024 * 1024;
/** Aliases beyond this are taken for a resource-exhaustion attack (a "billion laughs" file). */
const MAX_ALIASES = 100;

export interface PlanReadResult {
  /** null when any problem is an error. */
  readonly plan: Plan | null;
  readonly problems: readonly Problem[];
}

const fileProblem = (code: Problem['code'], message: string, hint: string | null): PlanReadResult => ({
  plan: null,
  problems: [{ severity: 'error', code, message, hint, path: [], position: null }],
});

export interface PlanReadOptions {
  /**
   * `file` (the default) for what people and other tools write; `stored` for what Shinchoku itself
   * stored earlier (an edition's frozen plan), read without the rules added since (see origin.ts).
   */
  readonly origin?: PlanOrigin;
}

/** Reads a plan file's text (YAML, or JSON, which YAML reads too), reporting every problem with its place. */
export function readPlanText(text: string, options: PlanReadOptions = {}): PlanReadResult {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_PLAN_BYTES && options.origin !== 'stored') {
    return fileProblem(
      'file-too-large',
      `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; a plan file may be at most ${MAX_PLAN_BYTES / 1024 / 1024} MB.`,
      'Check that this is the plan file, not a data export.',
    );
  }
  if (text.trim() === '')
    return fileProblem('file-empty', 'The file is empty.', 'A plan file starts with `plan:` and `goals:`.');

  const deep = tooDeep(text);
  if (deep) {
    return {
      plan: null,
      problems: [
        {
          severity: 'error',
          code: 'too-deep',
          message: `The file nests more than ${MAX_NESTING} levels deep here; a plan needs about ten.`,
          hint: 'Look for brackets [ or { that are never closed, or indentation that keeps growing.',
          path: [],
          position: deep,
        },
      ],
    };
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const source = yamlSource(doc, lineCounter);
  if (doc.errors.length > 0) {
    return {
      plan: null,
      problems: doc.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return {
          severity: 'error',
          code: 'syntax',
          message: error.message.split('\n')[0] ?? error.message,
          hint:
            error.code === 'DUPLICATE_KEY'
              ? 'Each key may appear once in a mapping.'
              : 'Check the indentation and quoting here.',
          path: [],
          position: { line, column: col },
        } satisfies Problem;
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (error instanceof ReferenceError) {
      return fileProblem(
        'alias-bomb',
        'The file uses YAML aliases excessively, as a resource-exhaustion attack does.',
        'Write the values out instead of aliasing them.',
      );
    }
    throw error;
  }
  return readPlanValue(data, source, options);
}

/** Validates and normalises a plan that is already a JavaScript value (parsed JSON, a form). */
export function readPlanValue(
  data: unknown,
  source: PlanSource = NO_SOURCE,
  options: PlanReadOptions = {},
): PlanReadResult {
  const origin = options.origin ?? 'file';
  const schema = origin === 'stored' ? storedPlanFileSchema : planFileSchema;
  const collector = new ProblemCollector(source);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    collector.error(
      'wrong-type',
      [],
      'The file does not hold a plan.',
      'A plan file is a mapping with the keys `plan` and `goals`.',
    );
    return { plan: null, problems: collector.problems };
  }
  const shape = schema.safeParse(data);
  if (!shape.success) {
    for (const issue of shape.error.issues) reportIssue(collector, issue, []);
    const known = schema.safeParse(withoutUnknownKeys(data, shape.error.issues));
    if (known.success) {
      const rest = new ProblemCollector(source);
      normalizePlan(known.data, rest, source, origin);
      // A key missing where a typo stands is the typo itself, already reported with its suggestion.
      const typoed = new Set(shape.error.issues.map((issue) => formatPath(issue.path as PathSegment[])));
      collector.problems.push(
        ...rest.problems.filter((p) => p.code !== 'missing-key' || !typoed.has(formatPath(p.path))),
      );
    }
    return { plan: null, problems: collector.problems };
  }
  const plan = normalizePlan(shape.data, collector, source, origin);
  return { plan, problems: collector.problems };
}

const KNOWN_KEYS: readonly string[] = [
  'plan',
  'goals',
  'title',
  'municipality',
  'period',
  'from',
  'to',
  'evaluation',
  'method',
  'grades',
  'missing',
  'shared',
  'rounding',
  'mode',
  'places',
  'label',
  'min',
  'achieved',
  'id',
  'kind',
  'number',
  'kpis',
  'ref',
  'name',
  'category',
  'unit',
  'department',
  'baseline',
  'target',
  'direction',
  'actuals',
  'milestones',
  'series',
  'assessment',
  'value',
  'year',
  'status',
  'text',
  'revisions',
  'note',
];

function reportIssue(
  collector: ProblemCollector,
  issue: z.core.$ZodIssue,
  prefix: readonly PathSegment[],
): void {
  const path = [...prefix, ...(issue.path as PathSegment[])];
  switch (issue.code) {
    case 'custom': {
      const text = (issue.params as { text?: TextProblem } | undefined)?.text;
      if (text) collector.textError(path, text);
      else collector.error('bad-value', path, issue.message);
      return;
    }
    case 'invalid_key': {
      // A mapping's key refused (a year key with a NUL, say): placed at the key, not its value.
      const key = path[path.length - 1];
      for (const inner of issue.issues) {
        const text = (inner as { params?: { text?: TextProblem } }).params?.text;
        if (text) collector.textError(path.slice(0, -1), text, String(key));
        else collector.error('bad-value', path, inner.message);
      }
      return;
    }
    case 'unrecognized_keys':
      for (const key of issue.keys) {
        const near = closest(key, KNOWN_KEYS);
        collector.error(
          'unknown-key',
          path,
          `Unknown key 「${clip(key)}」.`,
          near ? `Did you mean 「${near}」?` : 'Remove it, or check its indentation.',
          key,
        );
      }
      return;
    case 'invalid_union': {
      // Report the branch the writer most likely meant: the one that got furthest into the value.
      const branches = issue.errors;
      const best = [...branches].sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0] ?? [];
      if (depth(best) > 0) {
        for (const inner of best) reportIssue(collector, inner, path);
        return;
      }
      collector.error('wrong-type', path, `This value has the wrong form: ${describeExpected(branches)}.`);
      return;
    }
    case 'invalid_type':
      if (issue.input === undefined) {
        collector.error(
          'missing-key',
          path.slice(0, -1),
          `The key 「${String(path[path.length - 1])}」 is missing.`,
          `Add \`${String(path[path.length - 1])}:\`.`,
        );
      } else {
        collector.error('wrong-type', path, `Expected ${issue.expected}, found ${describe(issue.input)}.`);
      }
      return;
    case 'invalid_value':
      collector.error(
        'bad-value',
        path,
        `「${clip(String(issue.input))}」 is not allowed here.`,
        `Use one of: ${issue.values.map(String).join(', ')}.`,
      );
      return;
    case 'too_small':
      collector.error(
        'bad-value',
        path,
        issue.origin === 'array'
          ? `This list needs at least ${String(issue.minimum)} entry.`
          : `This value is too small or too short (at least ${String(issue.minimum)}).`,
      );
      return;
    default:
      collector.error('bad-value', path, issue.message);
  }
}

function depth(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(
    0,
    ...issues.map((i) => (i.code === 'invalid_type' && i.path.length === 0 ? 0 : i.path.length + 1)),
  );
}

function describeExpected(branches: readonly (readonly z.core.$ZodIssue[])[]): string {
  const expected = branches.flatMap((b) => b.filter((i) => i.code === 'invalid_type').map((i) => i.expected));
  return `expected ${[...new Set(expected)].join(' or ')}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} 「${clip(String(value))}」`;
}

/** What a message quotes of a value, so a huge one cannot make a huge message. */
function clip(text: string): string {
  const chars = [...text.slice(0, 200)];
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : text;
}
