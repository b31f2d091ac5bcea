import type { Lang } from '../../core/language.ts';
import { t } from '../i18n/index.ts';
import { pageWindow } from '../routes/public/plan-list-query.ts';

/**
 * Numbered page links, the current one marked: a nav landmark of plain links, no script needed. The
 * plan list's pages, for any list whose address for page n `href` gives.
 */
export function PageLinks(props: {
  lang: Lang;
  label: string;
  page: number;
  pages: number;
  href: (n: number) => string;
}) {
  const p = t(props.lang).planPages;
  if (props.pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={props.label}>
      <ul>
        {props.page > 1 ? (
          <li>
            <a href={props.href(props.page - 1)} rel="prev">
              {p.previous}
            </a>
          </li>
        ) : null}
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
              <a href={props.href(n)} aria-label={p.page(n)}>
                {n}
              </a>
            </li>
          ),
        )}
        {props.page < props.pages ? (
          <li>
            <a href={props.href(props.page + 1)} rel="next">
              {p.next}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
