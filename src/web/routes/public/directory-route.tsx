import { Hono, type Context } from 'hono';
import { ShinchokuError } from '../../../core/errors.ts';
import { prefectureOf, type Prefecture } from '../../../core/prefectures.ts';
import { PLAN_LIST_TAG, estimateBytes, type EditionCache } from '../../../publish/edition-cache.ts';
import type { Db } from '../../../store/connect.ts';
import {
  comparedYears,
  municipalityPlans,
  publishedMunicipalities,
  type DirectoryMunicipality,
} from '../../../store/municipality-directory.ts';
import { municipalityByCode } from '../../../store/municipalities.ts';
import type { AppEnv } from '../../env.ts';
import { directoryHrefs } from '../../hrefs.ts';
import { t } from '../../i18n/index.ts';
import { matching, pageOf, prefectureCounts } from './directory-list.ts';
import { MunicipalityList, MunicipalityPlans, PrefectureIndex, prefectureName } from './directory-page.tsx';
import { problemsOf, readCode, readPage, readPrefecture, readSearch } from './directory-params.ts';
import { cachedAnswer, type Fresh } from './http-cache.ts';
import { pageHtml } from './page-html.tsx';
import { problemText, refused } from './param-problems.tsx';

/**
 * Every municipality with a published plan, read once and kept under the plan list's tag: a
 * publication or withdrawal drops it, and so does the plan list's time limit (a name can change
 * without one). A search filters the kept list; no request reads every plan.
 */
export function directoryOf(db: Db, cache: EditionCache): Promise<readonly DirectoryMunicipality[]> {
  return cache
    .remember('directory municipalities', PLAN_LIST_TAG, async () => {
      const all = await publishedMunicipalities(db);
      return { value: all, bytes: estimateBytes(all) };
    })
    .then((all) => all ?? []);
}

/** The newest year compared, for the links to the comparison; null when nothing is published. */
function newestYear(db: Db, cache: EditionCache): Promise<number | null> {
  return cache
    .remember('directory years', PLAN_LIST_TAG, async () => {
      const years = await comparedYears(db);
      return { value: years, bytes: estimateBytes(years) };
    })
    .then((years) => years?.[0] ?? null);
}

/** The public directory: /municipalities (by prefecture, searchable), /prefectures/:pref, /municipalities/:code. */
export function directoryRoutes(db: Db, cache: EditionCache): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const list = async (c: Context<AppEnv>, prefectureText: string | undefined): Promise<Fresh | Response> => {
    const m = t(c.var.lang);
    const search = readSearch(c.req.query('q'));
    const page = readPage(c.req.query('page'));
    const pref = readPrefecture(prefectureText);
    const problems = problemsOf(search, page, pref);
    if (!search.ok || !page.ok || !pref.ok) {
      return refused(
        c,
        problems.map((p) => problemText(p, m)),
        { href: directoryHrefs.directory(), text: m.directory.backToDirectory },
      );
    }
    const all = await directoryOf(db, cache);
    const year = await newestYear(db, cache);
    const prefecture: Prefecture | null = pref.value;
    const compareHref = year === null ? null : directoryHrefs.rates({ pref: prefecture?.code ?? null, year });
    if (prefecture === null && search.value.text === '') {
      return pageHtml(c, {
        title: m.directory.title,
        children: (
          <PrefectureIndex lang={c.var.lang} counts={prefectureCounts(all)} compareHref={compareHref} />
        ),
      });
    }
    const found = matching(all, search.value.terms, prefecture);
    const shown = pageOf(found, page.value);
    const heading = prefecture
      ? m.directory.prefectureTitle(prefectureName(prefecture, c.var.lang))
      : m.directory.title;
    return pageHtml(c, {
      title: shown.pages > 1 ? m.pageTitle([m.planPages.of(shown.page, shown.pages), heading]) : heading,
      children: (
        <MunicipalityList
          lang={c.var.lang}
          prefecture={prefecture}
          text={search.value.text}
          total={found.length}
          items={shown.items}
          page={shown.page}
          pages={shown.pages}
          compareHref={compareHref}
        />
      ),
    });
  };

  app.get('/municipalities', (c) =>
    cachedAnswer(c, cache, PLAN_LIST_TAG, () => list(c, c.req.query('pref'))),
  );
  app.get('/prefectures/:pref', (c) =>
    cachedAnswer(c, cache, PLAN_LIST_TAG, () => list(c, c.req.param('pref'))),
  );

  app.get('/municipalities/:code', (c) =>
    cachedAnswer(c, cache, PLAN_LIST_TAG, async () => {
      const m = t(c.var.lang);
      const code = readCode('code', c.req.param('code'));
      if (!code.ok || code.value === null) {
        const words = code.ok ? [m.directory.notFound('')] : [problemText(code.problem, m)];
        return refused(c, words, { href: directoryHrefs.directory(), text: m.directory.backToDirectory });
      }
      const [municipality, plans] = await Promise.all([
        municipalityByCode(db, code.value),
        municipalityPlans(db, code.value),
      ]);
      if (!municipality || plans.length === 0) {
        throw new ShinchokuError('not-found', m.directory.notFound(code.value), m.directory.notFoundHint);
      }
      return pageHtml(c, {
        title: m.directory.municipalityTitle(municipality.name),
        children: (
          <MunicipalityPlans
            lang={c.var.lang}
            code={code.value}
            name={municipality.name}
            prefecture={prefectureOf(code.value)}
            plans={plans}
          />
        ),
      });
    }),
  );

  return app;
}
