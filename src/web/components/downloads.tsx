import type { Lang } from '../../render/messages.ts';
import { hrefs, type DownloadFile, type YearAddress } from '../hrefs.ts';
import { t } from '../i18n/index.ts';
import type { DownloadKind } from '../i18n/public.ts';

const FILES: readonly [DownloadKind, DownloadFile][] = [
  ['html', 'report.html'],
  ['pdf', 'report.pdf'],
  ['pptx', 'report.pptx'],
  ['xlsx', 'report.xlsx'],
  ['csv', 'data.csv'],
  ['json', 'data.json'],
];

/** The edition's report in every format, and its data; the page's language is the report's. */
export function Downloads(props: { lang: Lang; at: YearAddress }) {
  const m = t(props.lang);
  return (
    <section aria-labelledby="downloads-heading">
      <h2 id="downloads-heading">{m.downloadsHeading}</h2>
      <p>{m.downloadsIntro}</p>
      <ul class="download-list">
        {FILES.map(([kind, file]) => (
          <li>
            <a href={hrefs.download(props.at, file)} download>
              {m.downloads[kind]}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
