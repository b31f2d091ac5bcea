import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { Plan } from '../core/plan.ts';
import { ProblemCollector } from './collector.ts';
import { normalizePlan } from './normalize.ts';
import { displayableText, type TextProblem } from '../core/text-field.ts';
import { formatPath, type PathSegment, type Position, type Problem } from './problem.ts';
import type { FoundValue, PlanProblemDetail } from './problem-detail.ts';
import { describePlanProblem } from './problem-en.ts';
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

const fileProblem = (
  code: Problem['code'],
  detail: PlanProblemDetail,
  position: Position | null = null,
): PlanReadResult => ({
  plan: null,
  problems: [{ severity: 'error', code, detail, ...describePlanProblem(detail), path: [], position }],
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
    return fileProblem('file-too-large', {
      code: 'file-too-large',
      megabytes: (bytes / 1024 / 1024).toFixed(1),
      limit: MAX_PLAN_BYTES / 1024 / 1024,
    });
  }
  if (text.trim() === '') return fileProblem('file-empty', { code: 'file-empty' });

  const deep = tooDeep(text);
  if (deep) return fileProblem('too-deep', { code: 'too-deep', limit: MAX_NESTING }, deep);

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const source = yamlSource(doc, lineCounter);
  if (doc.errors.length > 0) {
    return {
      plan: null,
      problems: doc.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        const detail: PlanProblemDetail = {
          code: 'syntax',
          duplicateKey: error.code === 'DUPLICATE_KEY',
          english: error.message.split('\n')[0] ?? error.message,
        };
        return {
          severity: 'error',
          code: 'syntax',
          detail,
          ...describePlanProblem(detail),
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
      return fileProblem('alias-bomb', { code: 'alias-bomb' });
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
    collector.error('wrong-type', [], { code: 'not-a-plan' });
    return { plan: null, problems: collector.problems };
  }
  const shape = schema.safeParse(data, { reportInput: true });
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
      else collector.error('bad-value', path, { code: 'invalid', english: issue.message });
      return;
    }
    case 'invalid_key': {
      // A mapping's key refused (a year key with a NUL, say): placed at the key, not its value.
      const key = path[path.length - 1];
      for (const inner of issue.issues) {
        const text = (inner as { params?: { text?: TextProblem } }).params?.text;
        if (text) collector.textError(path.slice(0, -1), text, String(key));
        else collector.error('bad-value', path, { code: 'invalid', english: inner.message });
      }
      return;
    }
    case 'unrecognized_keys':
      for (const key of issue.keys) {
        const near = closest(key, KNOWN_KEYS);
        collector.error('unknown-key', path, { code: 'unknown-key', key: clip(key), near }, key);
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
      collector.error('wrong-type', path, { code: 'wrong-form', expected: expectedTypes(branches) });
      return;
    }
    case 'invalid_type':
      if (issue.input === undefined) {
        collector.error('missing-key', path.slice(0, -1), {
          code: 'missing-key',
          key: String(path[path.length - 1]),
        });
      } else {
        collector.error('wrong-type', path, {
          code: 'wrong-type',
          expected: issue.expected,
          found: foundValue(issue.input),
        });
      }
      return;
    case 'invalid_value':
      // A key left out where one of a list is wanted (a goal without kind:) is missing, not a value "undefined".
      if (issue.input === undefined) {
        collector.error('missing-key', path.slice(0, -1), {
          code: 'missing-key',
          key: String(path[path.length - 1]),
        });
        return;
      }
      collector.error('bad-value', path, {
        code: 'not-allowed',
        value: clip(String(issue.input)),
        allowed: issue.values.map(String),
      });
      return;
    case 'too_small':
      collector.error('bad-value', path, {
        code: issue.origin === 'array' ? 'too-few' : 'too-small',
        minimum: String(issue.minimum),
      });
      return;
    default:
      collector.error('bad-value', path, { code: 'invalid', english: issue.message });
  }
}

function depth(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(
    0,
    ...issues.map((i) => (i.code === 'invalid_type' && i.path.length === 0 ? 0 : i.path.length + 1)),
  );
}

function expectedTypes(branches: readonly (readonly z.core.$ZodIssue[])[]): string[] {
  const expected = branches.flatMap((b) => b.filter((i) => i.code === 'invalid_type').map((i) => i.expected));
  return [...new Set(expected)];
}

function foundValue(value: unknown): FoundValue {
  if (value === null) return { kind: 'null' };
  if (Array.isArray(value)) return { kind: 'list' };
  if (typeof value === 'object') return { kind: 'mapping' };
  return { kind: 'scalar', type: typeof value, text: clip(String(value)) };
}

/** What a message quotes of a value, so a huge one (or one holding a NUL) cannot bloat or break it. */
function clip(text: string): string {
  const chars = [...text.slice(0, 200)];
  return displayableText(chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : text);
}
