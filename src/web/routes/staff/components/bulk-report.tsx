import type { BulkReport, FileOutcome } from '../../../../collect/bundle/import.ts';
import type { FileRefusal } from '../../../../collect/bundle/problem.ts';
import type { Lang } from '../../../../core/language.ts';
import { planFileMessage } from '../../../commands/plan-import.ts';
import { t } from '../../../i18n/index.ts';

/** A refused file's lines: each plan-file problem at its line and column, each master problem at its cell. */
function refusalLines(lang: Lang, name: string, refusal: FileRefusal): string[] {
  const m = t(lang);
  switch (refusal.code) {
    case 'plan-file':
      return [
        ...refusal.problems.map((p) => {
          const message = planFileMessage(name, p);
          return `${message.where}: ${m.staff.planFileProblem(message.detail)}`;
        }),
        ...(refusal.unlisted > 0 ? [m.staffBulkImport.moreProblems(refusal.unlisted)] : []),
      ];
    case 'plan-master':
      return [
        ...refusal.problems.map((p) => `${name}：${m.staffImport.masterLine(p.place, p.detail)}`),
        ...(refusal.unlisted > 0 ? [m.staffBulkImport.moreProblems(refusal.unlisted)] : []),
      ];
    default:
      return [`${name}: ${m.staffBulkImport.fileRefusal(refusal)}`];
  }
}

/** The report of a finished bulk import: the counts, then what was refused and why, then what was imported. */
export function BulkReportView(props: { lang: Lang; report: BulkReport }) {
  const m = t(props.lang).staffBulkImport;
  const { report } = props;
  const refused = report.files.filter(
    (f): f is Extract<FileOutcome, { status: 'refused' }> => f.status === 'refused',
  );
  const stored = report.files.filter(
    (f): f is Exclude<FileOutcome, { status: 'refused' }> => f.status !== 'refused',
  );
  return (
    <>
      <h2>{m.doneHeading}</h2>
      <p class="bulk-summary">{m.summary(report.imported, report.replaced, report.refused)}</p>
      <h3>{m.refusedHeading}</h3>
      {refused.length === 0 ? (
        <p>{m.refusedNone}</p>
      ) : (
        <ul class="bulk-refused">
          {refused.map((file) => (
            <li>
              <p class="bulk-file">{file.name}</p>
              <ul class="plain-list">
                {refusalLines(props.lang, file.name, file.refusal).map((line) => (
                  <li>{line}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {stored.length > 0 ? (
        <details>
          <summary>{m.importedHeading(stored.length)}</summary>
          <ul class="plain-list">
            {stored.map((file) => (
              <li>{m.importedLine(file.name, file.slug, file.status === 'replaced')}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {report.skipped.length > 0 ? (
        <details>
          <summary>{m.skippedHeading(report.skipped.length)}</summary>
          <ul class="plain-list">
            {report.skipped.map((name) => (
              <li>{name}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
