import type { Lang } from '../../core/language.ts';
import type { Edition } from '../../store/editions.ts';
import type { YearAddress } from '../hrefs.ts';
import { t } from '../i18n/index.ts';
import type { PublishedReport } from '../queries/published.ts';

/** Which edition this is and when it was published; its correction, and a way to the latest edition. */
export function EditionNotice(props: { lang: Lang; report: PublishedReport; latestHref: string }) {
  const m = t(props.lang);
  const { edition, latest, pinned } = props.report;
  return (
    <>
      <p class="meta">
        {m.edition(edition.number)}
        {m.separator}
        {m.publishedOn(edition.publishedAt)}
      </p>
      {edition.errata === null ? null : (
        <div class="notice" role="note">
          <p>
            <span class="notice-label">{m.labelled(m.errata)}</span>
            {edition.errata}
          </p>
        </div>
      )}
      {pinned === null ? null : (
        <div class="notice" role="note">
          <p>{m.olderEdition(edition.number, latest.number)}</p>
          <p>
            <a href={props.latestHref}>{m.seeLatestEdition}</a>
          </p>
        </div>
      )}
    </>
  );
}

function EditionEntry(props: {
  lang: Lang;
  edition: Edition;
  current: boolean;
  /** Whether the year has other editions, from which the one shown must be told apart in words. */
  marked: boolean;
  href: string;
}) {
  const m = t(props.lang);
  const { edition } = props;
  return (
    <>
      <a href={props.href} aria-current={props.current ? 'page' : undefined}>
        {m.edition(edition.number)}
      </a>
      {props.current && props.marked ? m.currentMarker : null}
      {m.separator}
      {m.publishedOn(edition.publishedAt)}
      {edition.errata === null ? null : (
        <p>
          <span class="notice-label">{m.labelled(m.errata)}</span>
          {edition.errata}
        </p>
      )}
    </>
  );
}

/**
 * The published years, newest first, and each year's editions. The year shown is marked in words, and
 * its edition by aria-current and weight (and in words where the year has several), never by colour.
 */
export function YearSwitcher(props: {
  lang: Lang;
  report: PublishedReport;
  hrefFor: (at: YearAddress) => string;
}) {
  const m = t(props.lang);
  const { published, edition: shown } = props.report;
  const plan = published.plan.slug;
  return (
    <nav aria-labelledby="year-switcher-heading">
      <h2 id="year-switcher-heading">{m.yearSwitcher}</h2>
      <ul class="year-list">
        {published.years.map(({ year, editions }) => {
          const current = year === shown.fiscalYear;
          const latest = editions.at(-1)?.number ?? 0;
          const at = (number: number): YearAddress => ({
            plan,
            year,
            edition: number === latest ? null : number,
          });
          return (
            <li>
              <a href={props.hrefFor(at(latest))}>{m.yearLong(year)}</a>
              {current ? m.currentMarker : null}
              <ul>
                {[...editions].reverse().map((edition) => (
                  <li>
                    <EditionEntry
                      lang={props.lang}
                      edition={edition}
                      current={current && edition.number === shown.number}
                      marked={editions.length > 1}
                      href={props.hrefFor(at(edition.number))}
                    />
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
