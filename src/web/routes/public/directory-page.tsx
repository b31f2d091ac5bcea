import { prefectureOf, type Prefecture } from '../../../core/prefectures.ts';
import type { Lang } from '../../../core/language.ts';
import type { DirectoryMunicipality, MunicipalityPlan } from '../../../store/municipality-directory.ts';
import { PageLinks } from '../../components/page-links.tsx';
import { PlanText } from '../../components/plan-text.tsx';
import { SearchForm } from '../../components/search-form.tsx';
import { ScrollRegion } from '../../components/report-tables.tsx';
import { directoryHrefs, hrefs } from '../../hrefs.ts';
import { t } from '../../i18n/index.ts';
import { LONGEST_PARAM } from './directory-params.ts';
import { MUNICIPALITIES_PER_PAGE, type PrefectureCount } from './directory-list.ts';

export const prefectureName = (prefecture: Prefecture, lang: Lang): string =>
  lang === 'ja' ? prefecture.ja : prefecture.en;

/** A municipality's name: Japanese as written, marked as Japanese on the English pages. */
export function MunicipalityName(props: { lang: Lang; name: string }) {
  return <PlanText lang={props.lang} ja={props.name} en={null} />;
}

function MunicipalitySearch(props: { lang: Lang; text: string; prefecture: Prefecture | null }) {
  const d = t(props.lang).directory;
  return (
    <SearchForm
      action={
        props.prefecture ? directoryHrefs.prefecture(props.prefecture.code) : directoryHrefs.directory()
      }
      id="municipality-search"
      label={props.prefecture ? d.searchIn(prefectureName(props.prefecture, props.lang)) : d.searchLabel}
      hint={d.searchHint}
      button={d.button}
      text={props.text}
      maxlength={LONGEST_PARAM}
    />
  );
}

/** /municipalities: the 47 prefectures in JIS order with counts; those with none folded away. */
export function PrefectureIndex(props: {
  lang: Lang;
  counts: readonly PrefectureCount[];
  compareHref: string | null;
}) {
  const d = t(props.lang).directory;
  const shown = props.counts.filter((c) => c.municipalities > 0);
  const empty = props.counts.filter((c) => c.municipalities === 0);
  return (
    <>
      <h1>{d.title}</h1>
      <p class="lead">{d.intro}</p>
      {shown.length === 0 ? (
        <p>{d.none}</p>
      ) : (
        <>
          <MunicipalitySearch lang={props.lang} text="" prefecture={null} />
          <h2 id="prefectures-heading">{d.prefectures}</h2>
          <ul class="prefecture-list" aria-labelledby="prefectures-heading">
            {shown.map((c) => (
              <li>
                <a href={directoryHrefs.prefecture(c.prefecture.code)}>
                  {prefectureName(c.prefecture, props.lang)}
                </a>
                <span class="count">{d.prefectureCount(c.municipalities)}</span>
              </li>
            ))}
          </ul>
          {empty.length > 0 ? (
            <details class="empty-prefectures">
              <summary>{d.emptyPrefectures(empty.length)}</summary>
              <p>
                {empty
                  .map((c) => prefectureName(c.prefecture, props.lang))
                  .join(props.lang === 'ja' ? '、' : ', ')}
              </p>
            </details>
          ) : null}
          {props.compareHref ? (
            <ul class="plain-list">
              <li>
                <a href={props.compareHref}>{t(props.lang).directory.compareLink}</a>
              </li>
            </ul>
          ) : null}
        </>
      )}
    </>
  );
}

export interface MunicipalityListProps {
  readonly lang: Lang;
  /** The prefecture whose page this is; null for a search across the nation. */
  readonly prefecture: Prefecture | null;
  readonly text: string;
  readonly total: number;
  readonly items: readonly DirectoryMunicipality[];
  readonly page: number;
  readonly pages: number;
  readonly compareHref: string | null;
}

/** A prefecture's municipalities, or a search's, a page at a time. */
export function MunicipalityList(props: MunicipalityListProps) {
  const m = t(props.lang);
  const d = m.directory;
  const { prefecture, text } = props;
  const searching = text !== '';
  const listHref = (query: { q?: string; page?: number }) =>
    prefecture ? directoryHrefs.prefecture(prefecture.code, query) : directoryHrefs.directory(query);
  const from = (props.page - 1) * MUNICIPALITIES_PER_PAGE + 1;
  const to = from + props.items.length - 1;
  const name = prefecture ? prefectureName(prefecture, props.lang) : null;
  return (
    <>
      <h1 id="municipalities-heading">{name ? d.prefectureTitle(name) : d.title}</h1>
      {name && !searching ? <p class="lead">{d.prefectureIntro(name, props.total)}</p> : null}
      <MunicipalitySearch lang={props.lang} text={text} prefecture={prefecture} />
      <p id="municipality-list-summary">
        {searching && props.total > 0 ? d.summaryFor(text, props.total) : null}
        {props.total === 0 ? (searching ? d.noMatch(text) : d.none) : d.summary(props.total, from, to)}
        {searching ? (
          <>
            {' '}
            <a href={listHref({})}>{d.clear}</a>
          </>
        ) : null}
      </p>
      {props.items.length === 0 ? null : (
        <ScrollRegion labelledBy="municipalities-heading">
          <table
            class="plan-list"
            aria-labelledby="municipalities-heading"
            aria-describedby="municipality-list-summary"
          >
            <thead>
              <tr>
                <th scope="col">{d.columns.name}</th>
                <th scope="col">{d.columns.code}</th>
                {prefecture ? null : <th scope="col">{d.columns.prefecture}</th>}
                <th scope="col">{d.columns.plans}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((item) => (
                <tr>
                  <th scope="row">
                    <a href={directoryHrefs.municipality(item.code)}>
                      <MunicipalityName lang={props.lang} name={item.name} />
                    </a>
                  </th>
                  <td>{item.code}</td>
                  {prefecture ? null : <td>{prefectureNameOf(item.code, props.lang)}</td>}
                  <td class="number">{d.planCount(item.plans)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <PageLinks
        lang={props.lang}
        label={d.pagesNav}
        page={props.page}
        pages={props.pages}
        href={(n) => listHref({ q: text, page: n })}
      />
      <ul class="plain-list">
        {props.compareHref ? (
          <li>
            <a href={props.compareHref}>{d.compareLink}</a>
          </li>
        ) : null}
        <li>
          <a href={directoryHrefs.directory()}>{d.backToDirectory}</a>
        </li>
      </ul>
    </>
  );
}

function prefectureNameOf(code: string, lang: Lang): string {
  const prefecture = prefectureOf(code);
  return prefecture ? prefectureName(prefecture, lang) : '';
}

/** /municipalities/<code>: its published plans, each linking to the plan's own page as it is. */
export function MunicipalityPlans(props: {
  lang: Lang;
  code: string;
  name: string;
  prefecture: Prefecture | null;
  plans: readonly MunicipalityPlan[];
}) {
  const m = t(props.lang);
  const d = m.directory;
  const latest = Math.max(...props.plans.map((p) => p.latestYear));
  const prefecture = props.prefecture;
  return (
    <>
      <h1 id="municipality-plans-heading">
        {props.lang === 'ja' ? (
          d.municipalityTitle(props.name)
        ) : (
          <>
            {d.municipalityTitle('')}
            <MunicipalityName lang={props.lang} name={props.name} />
          </>
        )}
      </h1>
      <p class="lead">{d.municipalityIntro(props.name, props.code)}</p>
      <ScrollRegion labelledBy="municipality-plans-heading">
        <table class="plan-list" aria-labelledby="municipality-plans-heading">
          <thead>
            <tr>
              <th scope="col">{m.planColumns.plan}</th>
              <th scope="col">{m.planColumns.period}</th>
              <th scope="col">{m.planColumns.latest}</th>
            </tr>
          </thead>
          <tbody>
            {props.plans.map((plan) => (
              <tr>
                <th scope="row">
                  <a href={hrefs.plan(plan.slug)}>
                    <PlanText lang={props.lang} ja={plan.title} en={plan.english?.title} />
                  </a>
                </th>
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
      <ul class="plain-list">
        {prefecture ? (
          <li>
            <a href={directoryHrefs.rates({ pref: prefecture.code, year: latest, highlight: props.code })}>
              {d.standingLink(prefectureName(prefecture, props.lang), latest)}
            </a>
          </li>
        ) : null}
        {prefecture ? (
          <li>
            <a href={directoryHrefs.prefecture(prefecture.code)}>
              {d.backToPrefecture(prefectureName(prefecture, props.lang))}
            </a>
          </li>
        ) : null}
        <li>
          <a href={directoryHrefs.directory()}>{d.backToDirectory}</a>
        </li>
      </ul>
    </>
  );
}
