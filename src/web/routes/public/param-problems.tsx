import type { Context } from 'hono';
import type { AppEnv } from '../../env.ts';
import { t, type WebMessages } from '../../i18n/index.ts';
import { renderPage } from '../../layout.tsx';
import { LONGEST_PARAM, type ParamProblem } from './directory-params.ts';

/** A problem worded for the reader, naming the field as the page labels it. */
export function problemText(problem: ParamProblem, m: WebMessages): string {
  const field = m.directory.fields[problem.field];
  const p = m.directory.problems;
  switch (problem.kind) {
    case 'too-long':
      return p.tooLong(field, LONGEST_PARAM);
    case 'control':
      return p.control(field);
    case 'not-prefecture':
      return p.notPrefecture(field, problem.text);
    case 'not-page':
      return p.notPage(field, problem.text);
    case 'not-year':
      return p.notYear(field, problem.text);
    case 'not-code':
      return p.notCode(field, problem.text);
    case 'not-sort':
      return p.notSort(field, problem.text);
  }
}

/**
 * 400 with every problem in words, and a way back: answered, never kept in the cache, so an address of
 * any length or content cannot fill it.
 */
export function refused(
  c: Context<AppEnv>,
  messages: readonly string[],
  back: { href: string; text: string },
): Response | Promise<Response> {
  const m = t(c.var.lang);
  return renderPage(
    c,
    {
      title: m.pageTitle([m.directory.problems.heading]),
      children: (
        <>
          <h1>{m.directory.problems.heading}</h1>
          <div class="notice error-summary" role="alert">
            <ul>
              {messages.map((text) => (
                <li>{text}</li>
              ))}
            </ul>
          </div>
          <p>
            <a href={back.href}>{back.text}</a>
          </p>
        </>
      ),
    },
    400,
  );
}
