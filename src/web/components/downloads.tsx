import type { Lang } from '../../core/language.ts';
import { DOWNLOAD_FORMATS, downloadFile, isOpenDataCsv } from '../../publish/formats.ts';
import { hrefs, type YearAddress } from '../hrefs.ts';
import { t } from '../i18n/index.ts';

/** The edition's report in every format, and its data; the page's language is the report's. */
export function Downloads(props: { lang: Lang; at: YearAddress }) {
  const m = t(props.lang);
  return (
    <section aria-labelledby="downloads-heading">
      <h2 id="downloads-heading">{m.downloadsHeading}</h2>
      <p>{m.downloadsIntro}</p>
      <ul class="download-list">
        {DOWNLOAD_FORMATS.map((format) => (
          <li>
            <a href={hrefs.download(props.at, downloadFile(format))} download>
              {m.downloads[format.name]}
            </a>
            {isOpenDataCsv(format, props.lang) ? (
              <>
                {m.dictionarySeparator}
                <a href={hrefs.dataDictionary(props.at)} download>
                  {m.dataDictionary}
                </a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
