import { Hono, type Context } from 'hono';
import { ShinchokuError } from '../../../core/errors.ts';
import { indicatorByCode, type Indicator } from '../../../core/indicators.ts';
import { editionCacheFor } from '../../../publish/cache-for-store.ts';
import { PLAN_LIST_TAG, type EditionCache } from '../../../publish/edition-cache.ts';
import type { Db } from '../../../store/connect.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { t, type WebMessages } from '../../i18n/index.ts';
import { renderPage } from '../../layout.tsx';
import { indicatorCsv, indicatorDictionaryCsv } from '../../presenters/indicator-csv.ts';
import {
  comparisonCounts,
  comparisonYears,
  indicatorComparison,
} from '../../queries/indicator-comparison.ts';
import { cachedAnswer, type Fresh } from './http-cache.ts';
import { IndicatorList, IndicatorPage, indicatorName, scopeName } from './indicator-page.tsx';
import {
  LONGEST_INDICATOR_CHOICE,
  readIndicatorChoices,
  type IndicatorChoiceProblem,
} from './indicator-query.ts';
import { pageHtml } from './page-html.tsx';

const CSV_SUFFIX = '.csv';
const DICTIONARY = 'data-dictionary.csv';

function problemText(problem: IndicatorChoiceProblem, m: WebMessages): string {
  const p = m.indicators.problems;
  const field = p.fields[problem.field];
  if (problem.kind === 'too-long') return p.tooLong(field, LONGEST_INDICATOR_CHOICE);
  if (problem.field === 'pref') return p.prefecture(field);
  if (problem.field === 'year') return p.year(field);
  return p.highlight(field);
}

/** The indicator the address names; an unknown code is 404, as any page that does not exist. */
function indicatorOf(code: string, m: WebMessages): Indicator {
  const indicator = code.length <= 64 ? indicatorByCode(code) : null;
  if (!indicator)
    throw new ShinchokuError(
      'not-found',
      m.indicators.problems.indicator(code.slice(0, 64)),
      m.notFound.hint,
    );
  return indicator;
}

function readChoices(c: Context<AppEnv>) {
  return readIndicatorChoices({
    pref: c.req.query('pref'),
    year: c.req.query('year'),
    highlight: c.req.query('highlight'),
  });
}

async function pageAnswer(
  c: Context<AppEnv>,
  db: Db,
  cache: EditionCache,
  indicator: Indicator,
): Promise<Fresh | Response> {
  const lang = c.var.lang;
  const m = t(lang);
  const { choices, problems } = readChoices(c);
  const years = await comparisonYears(db, indicator.code, cache);
  const year = choices.year ?? years[0] ?? null;
  const comparison =
    problems.length > 0 || year === null
      ? null
      : await indicatorComparison(db, indicator, year, choices.prefecture, cache);
  const name = indicatorName(indicator, lang);
  const props = {
    title: m.pageTitle([name, scopeName(choices.prefecture, lang), m.indicators.listTitle]),
    children: (
      <IndicatorPage
        lang={lang}
        indicator={indicator}
        choices={choices}
        years={years}
        year={year}
        comparison={comparison}
        problems={problems.map((p) => problemText(p, m))}
      />
    ),
  };
  // A refused choice is answered, not kept: it says 400, and no hostile address fills the cache.
  return problems.length > 0 ? renderPage(c, props, 400) : pageHtml(c, props);
}

async function csvAnswer(
  c: Context<AppEnv>,
  db: Db,
  cache: EditionCache,
  indicator: Indicator,
): Promise<Fresh> {
  const lang = c.var.lang;
  const m = t(lang);
  const { choices, problems } = readChoices(c);
  const first = problems[0];
  if (first) throw new ShinchokuError('usage', problemText(first, m));
  const year = choices.year ?? (await comparisonYears(db, indicator.code, cache))[0] ?? null;
  if (year === null) throw new ShinchokuError('not-found', m.indicators.noRows, m.notFound.hint);
  const comparison = await indicatorComparison(db, indicator, year, choices.prefecture, cache);
  const file = `${indicator.code}-${choices.prefecture ?? 'all'}-${year}${lang === 'en' ? '-en' : ''}.csv`;
  return {
    body: indicatorCsv(comparison, indicator, lang),
    headers: {
      'Content-Type': 'text/csv; charset=UTF-8',
      'Content-Disposition': `attachment; filename="${file}"`,
    },
  };
}

/**
 * /compare/indicators (the list), /compare/indicators/<code> (one indicator), its .csv and the data
 * dictionary. Every answer comes from the edition cache under the plan list's tag, which any publication
 * or withdrawal drops, with an ETag and 304.
 */
export function indicatorRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const db = deps.store.db;
  const cache = deps.editionCache ?? editionCacheFor(deps.store);

  app.get('/compare/indicators', (c) =>
    cachedAnswer(c, cache, PLAN_LIST_TAG, async () => {
      const lang = c.var.lang;
      const counts = await comparisonCounts(db, cache);
      return pageHtml(c, {
        title: t(lang).pageTitle([t(lang).indicators.listTitle]),
        children: <IndicatorList lang={lang} counts={counts} />,
      });
    }),
  );

  app.get('/compare/indicators/:file', (c) =>
    cachedAnswer(c, cache, PLAN_LIST_TAG, async () => {
      const file = c.req.param('file');
      const m = t(c.var.lang);
      if (file === DICTIONARY) {
        return {
          body: indicatorDictionaryCsv(c.var.lang),
          headers: {
            'Content-Type': 'text/csv; charset=UTF-8',
            'Content-Disposition': `attachment; filename="indicator-${DICTIONARY}"`,
          },
        };
      }
      if (file.endsWith(CSV_SUFFIX))
        return csvAnswer(c, db, cache, indicatorOf(file.slice(0, -CSV_SUFFIX.length), m));
      return pageAnswer(c, db, cache, indicatorOf(file, m));
    }),
  );
  return app;
}
