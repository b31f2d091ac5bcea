import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { LANGS, type Lang } from '../core/language.ts';
import { assetHrefs } from './assets/index.ts';
import type { AppEnv } from './env.ts';
import { t } from './i18n/index.ts';

export interface NavItem {
  readonly href: string;
  readonly label: string;
}

export interface LayoutProps {
  readonly lang: Lang;
  /** The request's URL: the language links point back to the same page. */
  readonly url: string;
  /** The page's own title (m.pageTitle joins several parts); the site's name follows it. */
  readonly title: string;
  /** What the page belongs to (a plan's title), shown under the site's name. */
  readonly context?: string | null;
  /** The site menu; the public menu by default. The item whose path is the page's is marked current. */
  readonly nav?: readonly NavItem[];
  /** Extra controls in the header, such as the signed-in user and a sign-out form. */
  readonly headerTools?: Child;
  /** A line above the footer's credit; the public pages say they show published reports only. */
  readonly footerNote?: string | null;
  /** Reload the page after so many seconds (a job's progress), so it moves without JavaScript. */
  readonly refreshSeconds?: number | null;
  readonly children?: Child;
}

/** The same page in another language: the query keeps everything but `lang`. */
export function languageHref(url: string, lang: Lang): string {
  const target = new URL(url, 'http://localhost');
  target.searchParams.set('lang', lang);
  return `${target.pathname}${target.search}`;
}

function publicNav(lang: Lang): NavItem[] {
  const m = t(lang);
  return [
    { href: '/', label: m.navPlans },
    { href: '/compare/indicators', label: m.navIndicators },
    { href: '/staff', label: m.navStaff },
  ];
}

/**
 * The HTML shell of every page: a skip link, the header with the language links, the site menu, one
 * main landmark and the footer. Plain links and forms only, so every page works without JavaScript.
 */
export function Layout(props: LayoutProps) {
  const m = t(props.lang);
  const assets = assetHrefs();
  const path = new URL(props.url, 'http://localhost').pathname;
  const nav = props.nav ?? publicNav(props.lang);
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {props.refreshSeconds ? <meta http-equiv="refresh" content={String(props.refreshSeconds)} /> : null}
        <title>{m.pageTitle([props.title, m.siteName])}</title>
        <link rel="stylesheet" href={assets.fonts} />
        <link rel="stylesheet" href={assets.styles} />
        <script src={assets.script} defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          {m.skipToContent}
        </a>
        <header class="site-header">
          <div class="header-inner">
            <p class="site-title">
              <a href="/">{m.siteName}</a>
              <span class="site-tagline">{props.context ?? m.siteTagline}</span>
            </p>
            <div class="header-tools">
              {props.headerTools}
              <nav class="lang-switch" aria-label={m.languageNav}>
                <ul>
                  {LANGS.map((lang) => (
                    <li>
                      <a
                        href={languageHref(props.url, lang)}
                        lang={lang}
                        hreflang={lang}
                        aria-current={lang === props.lang ? 'true' : undefined}
                      >
                        {m.languageNames[lang]}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
          </div>
        </header>
        <nav class="site-nav" aria-label={m.siteNav}>
          <ul>
            {nav.map((item) => (
              <li>
                <a href={item.href} aria-current={item.href === path ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="footer-inner">
            {props.footerNote === null ? null : <p>{props.footerNote ?? m.footerPublishedOnly}</p>}
            <p>{m.footerSoftware}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** Renders a page in the request's language, with the doctype browsers need for standards mode. */
export async function renderPage(
  c: Context<AppEnv>,
  props: Omit<LayoutProps, 'lang' | 'url'>,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const html = await (<Layout lang={c.var.lang} url={c.req.url} {...props} />).toString();
  return c.html(`<!DOCTYPE html>\n${html}`, status);
}
