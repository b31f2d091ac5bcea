import type { Context } from 'hono';
import type { AppEnv } from '../../env.ts';
import { Layout, type LayoutProps } from '../../layout.tsx';
import type { Fresh } from './http-cache.ts';

/** A page as the cache keeps it: the same document renderPage sends. */
export async function pageHtml(c: Context<AppEnv>, props: Omit<LayoutProps, 'lang' | 'url'>): Promise<Fresh> {
  const html = await (<Layout lang={c.var.lang} url={c.req.url} {...props} />).toString();
  return { body: `<!DOCTYPE html>\n${html}`, headers: { 'Content-Type': 'text/html; charset=UTF-8' } };
}
