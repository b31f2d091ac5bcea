import type { Context } from 'hono';
import { compareEvaluations } from '../../../core/edition-comparison.ts';
import type { EditionCache } from '../../../publish/edition-cache.ts';
import { localizeEvaluation } from '../../../render/plan-text.ts';
import type { Db } from '../../../store/connect.ts';
import type { Edition } from '../../../store/editions.ts';
import type { AppEnv } from '../../env.ts';
import { t, type WebMessages } from '../../i18n/index.ts';
import { renderPage } from '../../layout.tsx';
import { editionReport, publishedEditions, type EditionReport } from '../../queries/published-years.ts';
import { ComparePage, type ComparedPair } from './compare-page.tsx';
import { defaultPair, LONGEST_CHOICE, readChoice, type ChoiceProblem } from './compare-query.ts';
import type { Fresh } from './http-cache.ts';
import { pageHtml } from './page-html.tsx';

function problemText(field: string, problem: ChoiceProblem, m: WebMessages): string {
  switch (problem.kind) {
    case 'too-long':
      return m.compare.tooLong(field, LONGEST_CHOICE);
    case 'not-a-year':
      return m.compare.notAYear(field, problem.text);
    case 'not-published':
      return m.compare.notPublished(field, problem.year);
    case 'no-edition':
      return m.compare.noEdition(field, problem.year, problem.number);
  }
}

/**
 * GET /plans/:plan/compare?from=R4&to=R5: two published editions of one plan compared. Missing choices
 * take the default pair; a choice that names no published edition, or the same edition twice, answers
 * 400 with the form and a message naming the field. Published editions only, each from the cache.
 */
export async function compareAnswer(
  c: Context<AppEnv>,
  db: Db,
  cache: EditionCache,
): Promise<Fresh | Response> {
  const lang = c.var.lang;
  const m = t(lang);
  const editions = await publishedEditions(db, c.req.param('plan') ?? '', m.notFound);
  const { published } = editions;
  const fallback = defaultPair(published);
  const problems: string[] = [];
  const choose = (name: 'from' | 'to', field: string): Edition | null => {
    const read = readChoice(c.req.query(name), published);
    if (read === undefined) return fallback?.[name] ?? null;
    if (read.ok) return read.edition;
    problems.push(problemText(field, read.problem, m));
    return null;
  };
  const from = choose('from', m.compare.from);
  const to = choose('to', m.compare.to);
  if (from !== null && from === to) problems.push(m.compare.same);
  const report = async (edition: Edition): Promise<EditionReport> => {
    const found = await editionReport(db, editions, edition, cache);
    return { ...found, evaluation: localizeEvaluation(found.evaluation, lang) };
  };
  let pair: ComparedPair | null = null;
  if (problems.length === 0 && from !== null && to !== null) {
    const [before, after] = await Promise.all([report(from), report(to)]);
    pair = { from: before, to: after, result: compareEvaluations(before.evaluation, after.evaluation) };
  }
  // The plan's title in the reader's language, from the latest edition (kept in the cache).
  const newest = fallback?.to ?? published.years[0]?.editions.at(-1);
  const latest = pair?.to ?? (newest ? await report(newest) : null);
  const planTitle = latest?.evaluation.plan.title ?? published.plan.title;
  const props = {
    title: m.pageTitle([m.compare.title, planTitle]),
    context: planTitle,
    children: (
      <ComparePage
        lang={lang}
        published={published}
        planTitle={planTitle}
        selected={{ from: from ?? fallback?.from ?? null, to: to ?? fallback?.to ?? null }}
        problems={problems}
        pair={pair}
      />
    ),
  };
  // A refused choice is answered, not kept: it says 400, and an address of any length must not fill the cache.
  return problems.length > 0 ? renderPage(c, props, 400) : pageHtml(c, props);
}
