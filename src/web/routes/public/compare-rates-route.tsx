import { Hono, type Context } from 'hono';
import { formatFiscalYear, type FiscalYear } from '../../../core/fiscal-year.ts';
import { prefectureByCode, type Prefecture } from '../../../core/prefectures.ts';
import { keptComparison } from '../../../publish/comparison-cache.ts';
import { rateComparisonCsv, rateComparisonDictionary } from '../../../publish/comparison-csv.ts';
import { rateComparison, rateStandings, type RateSource } from '../../../publish/comparison-rates.ts';
import { ALL_PLANS_TAG, type EditionCache } from '../../../publish/edition-cache.ts';
import type { Db } from '../../../store/connect.ts';
import { comparedYears, latestEditionsOfYear } from '../../../store/municipality-directory.ts';
import type { AppEnv } from '../../env.ts';
import { directoryHrefs } from '../../hrefs.ts';
import { t } from '../../i18n/index.ts';
import { comparedEvaluation } from '../../queries/published.ts';
import { CompareRatesPage, scopeName, SORTS } from './compare-rates-page.tsx';
import {
  problemsOf,
  readChoice,
  readCode,
  readPrefecture,
  readYear,
  type ParamProblem,
} from './directory-params.ts';
import { cachedAnswer, type Fresh } from './http-cache.ts';
import { pageHtml } from './page-html.tsx';
import { problemText, refused } from './param-problems.tsx';

/** The comparison's source: the year's editions in one query, each one's Evaluation from the cache. */
export function rateSource(db: Db, cache: EditionCache): RateSource {
  return {
    editions: (year) => latestEditionsOfYear(db, year),
    evaluation: (edition, year) => comparedEvaluation(db, edition, year, cache),
  };
}

/** The years compared, newest first: kept with the comparisons, under every plan's tag. */
export function yearsCompared(db: Db, cache: EditionCache): Promise<FiscalYear[]> {
  return keptComparison(cache, 'years', () => comparedYears(db));
}

interface Scope {
  readonly year: FiscalYear | null;
  readonly prefecture: Prefecture | null;
  readonly years: readonly FiscalYear[];
}

/** Reads ?pref= and ?year= against the years compared; the newest year when none is given. */
async function readScope(
  c: Context<AppEnv>,
  db: Db,
  cache: EditionCache,
  extra: readonly ParamProblem[] = [],
): Promise<{ ok: true; scope: Scope } | { ok: false; problems: string[] }> {
  const m = t(c.var.lang);
  const pref = readPrefecture(c.req.query('pref'));
  const year = readYear(c.req.query('year'));
  const problems = [...problemsOf(pref, year), ...extra].map((p) => problemText(p, m));
  if (!pref.ok || !year.ok || problems.length > 0) return { ok: false, problems };
  const years = await yearsCompared(db, cache);
  const chosen = year.value ?? years[0] ?? null;
  if (year.value !== null && !years.includes(year.value)) {
    return { ok: false, problems: [m.directory.problems.noYear(m.directory.fields.year, year.value)] };
  }
  return { ok: true, scope: { year: chosen, prefecture: pref.value, years } };
}

/**
 * /compare/rates?pref=11&year=R4 (the nation without pref), its CSV and the CSV's dictionary. The
 * comparison is computed once per year and scope and kept in the edition cache under every plan's tag;
 * each answer is kept by address and language with its ETag, so a request reads what is kept.
 */
export function compareRatesRoutes(db: Db, cache: EditionCache): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const source = rateSource(db, cache);
  const back = (c: Context<AppEnv>) => ({
    href: directoryHrefs.rates({}),
    text: t(c.var.lang).rateCompare.title,
  });

  app.get('/compare/rates', (c) =>
    cachedAnswer(c, cache, ALL_PLANS_TAG, async (): Promise<Fresh | Response> => {
      const lang = c.var.lang;
      const m = t(lang);
      const highlight = readCode('highlight', c.req.query('highlight'));
      const sort = readChoice('sort', c.req.query('sort'), SORTS);
      const read = await readScope(c, db, cache, problemsOf(highlight, sort));
      if (!read.ok || !highlight.ok || !sort.ok) {
        return refused(c, read.ok ? [] : read.problems, back(c));
      }
      const { scope } = read;
      const prefecture = scope.prefecture?.code ?? null;
      const title = m.pageTitle([m.rateCompare.title, scopeName(prefecture, lang)]);
      if (scope.year === null) {
        return pageHtml(c, { title, children: <p>{m.rateCompare.none}</p> });
      }
      const { comparison, standings } = await rateStandings(cache, source, scope.year, prefecture);
      if (highlight.value !== null && !comparison.plans.some((p) => p.code === highlight.value)) {
        return refused(
          c,
          [m.directory.problems.notCompared(m.directory.fields.highlight, highlight.value)],
          back(c),
        );
      }
      const nation = await rateComparison(cache, source, scope.year, null);
      const present = new Set(nation.plans.map((p) => p.prefecture));
      const prefectures = [...present].sort().flatMap((code) => prefectureByCode(code) ?? []);
      return pageHtml(c, {
        title: m.pageTitle([m.rateCompare.title, scopeName(prefecture, lang), m.yearLong(scope.year)]),
        children: (
          <CompareRatesPage
            lang={lang}
            comparison={comparison}
            standings={standings}
            years={scope.years}
            prefectures={prefectures}
            highlight={highlight.value}
            sort={sort.value}
          />
        ),
      });
    }),
  );

  app.get('/compare/rates.csv', (c) =>
    cachedAnswer(c, cache, ALL_PLANS_TAG, async (): Promise<Fresh | Response> => {
      const read = await readScope(c, db, cache);
      if (!read.ok) return refused(c, read.problems, back(c));
      const { year, prefecture } = read.scope;
      if (year === null) return c.notFound();
      const { comparison, standings } = await rateStandings(cache, source, year, prefecture?.code ?? null);
      const name = `achievement-rates-${formatFiscalYear(year)}-${prefecture?.code ?? 'japan'}${c.var.lang === 'en' ? '-en' : ''}.csv`;
      return {
        body: rateComparisonCsv(comparison, standings, c.var.lang),
        headers: {
          'Content-Type': 'text/csv; charset=UTF-8',
          'Content-Disposition': `attachment; filename="${name}"`,
        },
      };
    }),
  );

  app.get('/compare/rates-dictionary.csv', (c) =>
    cachedAnswer(c, cache, ALL_PLANS_TAG, () =>
      Promise.resolve({
        body: rateComparisonDictionary(),
        headers: {
          'Content-Type': 'text/csv; charset=UTF-8',
          'Content-Disposition': 'attachment; filename="achievement-rates-data-dictionary.csv"',
        },
      }),
    ),
  );

  return app;
}
