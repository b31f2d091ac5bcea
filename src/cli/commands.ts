import type { Io } from './io.ts';
import { evaluateCommand, evaluateHelp } from './commands/evaluate.ts';
import { schemaCommand, schemaHelp } from './commands/schema.ts';
import { validateCommand, validateHelp } from './commands/validate.ts';

export interface Command {
  readonly summary: string;
  readonly help: string;
  run(args: readonly string[], io: Io): Promise<number>;
}

export const COMMANDS: Readonly<Record<string, Command>> = {
  validate: { summary: 'check a plan file and list every problem', help: validateHelp, run: validateCommand },
  evaluate: { summary: "evaluate a plan's KPIs for a fiscal year", help: evaluateHelp, run: evaluateCommand },
  schema: { summary: 'print the JSON Schema of the plan file', help: schemaHelp, run: schemaCommand },
};
