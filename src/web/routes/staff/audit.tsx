import { municipalityOf } from '../../commands/access.ts';
import { Hono } from 'hono';
import type { Lang } from '../../../core/language.ts';
import { auditTrail, kpiNamesOf } from '../../../store/audit.ts';
import { planIdOf } from '../../../store/plan-repository.ts';
import { accountAuditTrail } from '../../../store/user-status.ts';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import { planSummary } from '../../commands/sheets.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { t } from '../../i18n/index.ts';
import { auditLine, type AuditLine } from '../../presenters/audit-entry.ts';
import { staffPage } from './page.tsx';
import { staffPaths } from './paths.ts';

/**
 * Who changed what, when, from what to what: every value and text change, newest first, in words. The
 * host's log adds the municipality each entry concerns (`municipality` on every row, and its heading).
 */
export function AuditTable(props: {
  lang: Lang;
  rows: readonly (AuditLine & { readonly municipality?: string })[];
  caption: string;
  municipalityHeading?: string;
}) {
  const m = t(props.lang);
  const a = m.staffAudit;
  if (props.rows.length === 0) return <p>{a.empty}</p>;
  return (
    <div class="table-scroll">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{a.columns.at}</th>
            <th scope="col">{a.columns.user}</th>
            {props.municipalityHeading ? <th scope="col">{props.municipalityHeading}</th> : null}
            <th scope="col">{a.columns.action}</th>
            <th scope="col">{a.columns.subject}</th>
            <th scope="col">{a.columns.field}</th>
            <th scope="col">{a.columns.old}</th>
            <th scope="col">{a.columns.new}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              <td>{m.staff.time(row.at)}</td>
              <td>{row.user ?? a.system}</td>
              {props.municipalityHeading ? <td>{row.municipality ?? ''}</td> : null}
              <td>{row.action}</td>
              <th scope="row">{row.subject}</th>
              <td>{row.field}</td>
              <td class="assessment-text">{row.oldValue}</td>
              <td class="assessment-text">{row.newValue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function auditRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/plans/:plan/audit', requireRole('admin'), async (c) => {
    const lang = c.get('lang');
    const m = t(lang);
    const plan = await planSummary(deps.store.db, c.req.param('plan'));
    const planId = await planIdOf(deps.store.db, plan.slug);
    const context = { kpiNames: await kpiNamesOf(deps.store.db, planId), planTitle: plan.title };
    const rows = (await auditTrail(deps.store.db, planId)).map((row) => auditLine(lang, row, context));
    return staffPage(c, {
      title: m.staffAudit.title,
      context: plan.title,
      children: (
        <>
          <Breadcrumbs
            lang={lang}
            trail={[
              { href: staffPaths.home, label: m.staff.title },
              { href: staffPaths.overview(plan.slug), label: plan.title },
            ]}
            current={m.staffAudit.title}
          />
          <h1>{m.staffAudit.title}</h1>
          <p>{m.staffAudit.intro}</p>
          <AuditTable lang={lang} rows={rows} caption={m.staffAudit.title} />
        </>
      ),
    });
  });

  app.get('/audit', requireRole('admin'), async (c) => {
    const lang = c.get('lang');
    const m = t(lang);
    const context = { kpiNames: new Map<string, string>(), planTitle: null };
    const rows = (await accountAuditTrail(deps.store.db, municipalityOf(signedIn(c).user))).map((row) =>
      auditLine(lang, row, context),
    );
    return staffPage(c, {
      title: m.staffAudit.accountTitle,
      children: (
        <>
          <h1>{m.staffAudit.accountTitle}</h1>
          <p>{m.staffAudit.intro}</p>
          <AuditTable lang={lang} rows={rows} caption={m.staffAudit.accountTitle} />
        </>
      ),
    });
  });

  return app;
}
