import type { Lang } from '../../../core/language.ts';
import type { PlanListPage } from '../../../store/published-editions.ts';
import { PlanText } from '../../components/plan-text.tsx';
import { SearchForm } from '../../components/search-form.tsx';
import { ScrollRegion } from '../../components/report-tables.tsx';
import { directoryHrefs, hrefs } from '../../hrefs.ts';
import { t } from '../../i18n/index.ts';
import {
  LONGEST_SEARCH,
  pageWindow,
  planListHref,
  PLANS_PER_PAGE,
  type PlanListQuery,
} from './plan-list-query.ts';

export interface PlanListProps {
  readonly lang: Lang;
  readonly query: PlanListQuery;
  readonly list: PlanListPage;
  /** The page shown: the one asked for, or the last one when it asked for more. */
  readonly page: number;
  /** More than one municipality publishes: the list links the directory and the comparison. */
  readonly directory?: boolean;
}

function PlanSearch(props: { lang: Lang; text: string }) {
  const s = t(props.lang).planSearch;
  return (
    <SearchForm
      action="/"
      id="plan-search"
      label={s.label}
      hint={s.hint}
      button={s.button}
      text={props.text}
      maxlength={LONGEST_SEARCH}
    />
  );
}

/** Numbered page links, the current one marked: a nav landmark of plain links, no script needed. */
function Pages(props: { lang: Lang; text: string; page: number; pages: number }) {
  const p = t(props.lang).planPages;
  if (props.pages <= 1) return null;
  const link = (n: number, label: string, rel?: string) => (
    <a href={planListHref(props.text, n)} rel={rel}>
      {label}
    </a>
  );
  return (
    <nav class="pagination" aria-label={p.nav}>
      <ul>
        {props.page > 1 ? <li>{link(props.page - 1, p.previous, 'prev')}</li> : null}
        {pageWindow(props.page, props.pages).map((n) =>
          n === null ? (
            <li aria-hidden="true">…</li>
          ) : n === props.page ? (
            <li>
              <span aria-current="page" aria-label={p.of(n, props.pages)}>
                {n}
              </span>
            </li>
          ) : (
            <li>
              <a href={planListHref(props.text, n)} aria-label={p.page(n)}>
                {n}
              </a>
            </li>
          ),
        )}
        {props.page < props.pages ? <li>{link(props.page + 1, p.next, 'next')}</li> : null}
      </ul>
    </nav>
  );
}

/**
 * The top page: the plans with a published report, a page of them at a time, with a search by the
 * plan's title or its municipality; a plain form and links, so it works without JavaScript.
 */
export function PlanList(props: PlanListProps) {
  const m = t(props.lang);
  const s = m.planSearch;
  const { query, list, page } = props;
  const pages = Math.max(1, Math.ceil(list.total / PLANS_PER_PAGE));
  const from = (page - 1) * PLANS_PER_PAGE + 1;
  const to = from + list.plans.length - 1;
  const searching = query.text !== '';
  return (
    <>
      <h1 id="plans-heading">{m.planListTitle}</h1>
      <p class="lead">{m.planListIntro}</p>
      {props.directory ? (
        <ul class="plain-list directory-links">
          <li>
            <a href={directoryHrefs.directory()}>{m.directory.frontLink}</a>
          </li>
          <li>
            <a href={directoryHrefs.rates({})}>{m.directory.compareLink}</a>
          </li>
        </ul>
      ) : null}
      {list.total === 0 && !searching ? (
        <p>{m.noPlans}</p>
      ) : (
        <>
          {/* One page shows every plan (a municipality's own site, or its static copy): nothing to search. */}
          {searching || list.total > PLANS_PER_PAGE ? (
            <PlanSearch lang={props.lang} text={query.text} />
          ) : null}
          {query.shortened ? (
            <p class="notice" role="note">
              {s.shortened(LONGEST_SEARCH)}
            </p>
          ) : null}
          <p id="plan-list-summary">
            {searching && list.total > 0 ? s.summaryFor(query.text, list.total) : null}
            {list.total === 0 ? s.noMatch(query.text) : s.summary(list.total, from, to)}
            {searching ? (
              <>
                {' '}
                <a href="/">{s.clear}</a>
              </>
            ) : null}
          </p>
          {list.plans.length === 0 ? null : (
            <ScrollRegion labelledBy="plans-heading">
              <table class="plan-list" aria-labelledby="plans-heading" aria-describedby="plan-list-summary">
                <thead>
                  <tr>
                    <th scope="col">{m.planColumns.plan}</th>
                    <th scope="col">{m.planColumns.municipality}</th>
                    <th scope="col">{m.planColumns.period}</th>
                    <th scope="col">{m.planColumns.latest}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.plans.map((plan) => (
                    <tr>
                      <th scope="row">
                        <a href={hrefs.plan(plan.slug)}>
                          <PlanText lang={props.lang} ja={plan.title} en={plan.english?.title} />
                        </a>
                      </th>
                      <td>
                        <PlanText lang={props.lang} ja={plan.municipality} en={plan.english?.municipality} />
                      </td>
                      <td>{m.period(plan.periodFrom, plan.periodTo)}</td>
                      <td>
                        <a href={hrefs.year({ plan: plan.slug, year: plan.latestYear, edition: null })}>
                          {m.yearLong(plan.latestYear)}
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          <Pages lang={props.lang} text={query.text} page={page} pages={pages} />
        </>
      )}
    </>
  );
}
