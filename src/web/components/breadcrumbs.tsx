import type { Lang } from '../../core/language.ts';
import { t } from '../i18n/index.ts';
import type { NavItem } from '../layout.tsx';

/** The trail from the plan list to the page; the last step is the page itself, not a link. */
export function Breadcrumbs(props: { lang: Lang; trail: readonly NavItem[]; current: string }) {
  return (
    <nav class="breadcrumbs" aria-label={t(props.lang).breadcrumbNav}>
      <ol>
        {props.trail.map((step) => (
          <li>
            <a href={step.href}>{step.label}</a>
          </li>
        ))}
        <li aria-current="page">{props.current}</li>
      </ol>
    </nav>
  );
}
