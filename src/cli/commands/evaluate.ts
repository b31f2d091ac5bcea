import { evaluatePlanFile } from '../evaluate-file.ts';
import { evaluationCsv } from '../../render/evaluation-csv.ts';
import { evaluationJson } from '../../render/evaluation-json.ts';
import { toJsonText } from '../../render/json-text.ts';
import { messagesFor } from '../../render/messages.ts';
import type { Io } from '../io.ts';
import { langOption, oneOf, onePlanPath, parseCommandArgs, yearOption } from '../options.ts';
import { evaluationTable } from '../present/evaluation-table.ts';

export const evaluateHelp = `shinchoku evaluate PLAN [--year R4] [--format table|json|csv] [--lang ja|en]

Evaluates every KPI of the plan for one fiscal year and prints the result.
  --year    the fiscal year (R4, 令和4年度, 2022); by default the latest year with data
  --format  table (default; the report's layout), json (the documented contract) or csv
  --lang    the language of labels and messages (ja by default)`;

export async function evaluateCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('evaluate', args, {
    year: { type: 'string' },
    format: { type: 'string' },
    lang: { type: 'string' },
  });
  const path = onePlanPath('evaluate', positionals);
  const format = oneOf('format', values.format, ['table', 'json', 'csv'] as const, 'table');
  const messages = messagesFor(langOption(values.lang));

  const evaluation = await evaluatePlanFile(path, yearOption(values.year), io);
  if (format === 'json') io.out(toJsonText(evaluationJson(evaluation, messages)));
  else if (format === 'csv') io.out(evaluationCsv(evaluation, { lang: messages.lang }));
  else io.out(evaluationTable(evaluation, messages));
  return 0;
}
