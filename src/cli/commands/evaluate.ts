import { evaluatePlanFile } from '../evaluate-file.ts';
import { messagesFor } from '../../render/messages.ts';
import { formatByName, PRINTABLE_FORMATS } from '../../publish/formats.ts';
import type { Io } from '../io.ts';
import { langOption, oneOf, onePlanPath, parseCommandArgs, yearOption } from '../options.ts';

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
  const names = PRINTABLE_FORMATS.map((f) => f.name);
  const format = formatByName(oneOf('format', values.format, names, 'table'));
  const messages = messagesFor(langOption(values.lang));

  const evaluation = await evaluatePlanFile(path, yearOption(values.year), io);
  // A terminal shows a byte order mark as stray characters; the CSV file a download gives has one.
  io.out(String(await format.render(evaluation, messages, { bom: false })));
  return 0;
}
