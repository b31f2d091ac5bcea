import type { Lang } from '../../../core/language.ts';
import type { Edition } from '../../../store/editions.ts';
import { t } from '../../i18n/index.ts';

/**
 * What a reader finds at the address of a withdrawn edition: that it was withdrawn, when and why, in
 * place of the report. The report itself is not shown, and nothing links here from the public pages.
 */
export function WithdrawnNotice(props: { lang: Lang; edition: Edition }) {
  const m = t(props.lang);
  const w = m.withdrawnEdition;
  const { edition } = props;
  if (!edition.withdrawn) return null;
  return (
    <>
      <h1>{w.title}</h1>
      <div class="notice" role="note">
        <p>{w.notice(edition.fiscalYear, edition.number, edition.withdrawn.at)}</p>
        <p>
          <span class="notice-label">{m.labelled(w.reason)}</span>
          {edition.withdrawn.reason}
        </p>
      </div>
      <p class="meta">
        {m.edition(edition.number)}
        {m.separator}
        {w.published(edition.publishedAt)}
      </p>
      <p>{w.hint}</p>
      <p>
        <a href="/">{m.navPlans}</a>
      </p>
    </>
  );
}
