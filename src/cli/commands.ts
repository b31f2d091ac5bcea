import { ShinchokuError } from '../core/errors.ts';
import type { Io } from './io.ts';

export interface Command {
  readonly help: string;
  run(args: readonly string[], io: Io): Promise<number>;
}

export interface CommandEntry {
  readonly summary: string;
  /** Loaded on use, so that `validate` does not pay for the browser, Excel and PowerPoint libraries. */
  load(): Promise<Command>;
}

export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  validate: {
    summary: 'check a plan file and list every problem',
    load: async () => {
      const m = await import('./commands/validate.ts');
      return { help: m.validateHelp, run: m.validateCommand };
    },
  },
  evaluate: {
    summary: "evaluate a plan's KPIs for a fiscal year",
    load: async () => {
      const m = await import('./commands/evaluate.ts');
      return { help: m.evaluateHelp, run: m.evaluateCommand };
    },
  },
  report: {
    summary: 'write the implementation report: HTML, PDF, PowerPoint, Excel',
    load: async () => {
      const m = await import('./commands/report.ts');
      return { help: m.reportHelp, run: (args, io) => m.reportCommand(args, io) };
    },
  },
  import: {
    summary: 'store a plan file in the database',
    load: async () => {
      const m = await import('./commands/import.ts');
      return { help: m.importHelp, run: m.importCommand };
    },
  },
  export: {
    summary: 'write a stored plan as a plan file',
    load: async () => {
      const m = await import('./commands/export.ts');
      return { help: m.exportHelp, run: m.exportCommand };
    },
  },
  plans: {
    summary: 'list the plans stored in the database',
    load: async () => {
      const m = await import('./commands/plans.ts');
      return { help: m.plansHelp, run: m.plansCommand };
    },
  },
  host: {
    summary: 'add a host administrator, who adds municipalities (host add-admin)',
    load: async () => {
      const m = await import('./commands/host.ts');
      return { help: m.hostHelp, run: m.hostCommand };
    },
  },
  municipality: {
    summary:
      'add a municipality with its first administrator, add an administrator, name one, or list them (municipality add, add-admin, name, list)',
    load: async () => {
      const m = await import('./commands/municipality.ts');
      return { help: m.municipalityHelp, run: m.municipalityCommand };
    },
  },
  remind: {
    summary: 'mail reminders to departments with KPIs not submitted for a year',
    load: async () => {
      const m = await import('./commands/remind.ts');
      return { help: m.remindHelp, run: m.remindCommand };
    },
  },
  collect: {
    summary: 'make workbooks for departments to fill in (collect make), and read them back (collect read)',
    load: async () => {
      const [make, read] = await Promise.all([
        import('./commands/collect-make.ts'),
        import('./commands/collect-read.ts'),
      ]);
      const subcommands: Record<string, Command['run']> = {
        make: make.collectMakeCommand,
        read: read.collectReadCommand,
      };
      return {
        help: `${make.collectMakeHelp}\n\n${read.collectReadHelp}`,
        run: (args, io) => {
          const [name = '', ...rest] = args;
          const run = subcommands[name];
          if (run) return run(rest, io);
          throw new ShinchokuError(
            'usage',
            `shinchoku collect takes make or read, not 「${name}」.`,
            'Run `shinchoku help collect` for both.',
          );
        },
      };
    },
  },
  'export-data': {
    summary: 'publish the KPIs as open data: CSV (UTF-8 with BOM) and JSON with a data dictionary',
    load: async () => {
      const m = await import('./commands/export-data.ts');
      return { help: m.exportDataHelp, run: m.exportDataCommand };
    },
  },
  site: {
    summary: 'write the public pages as a static site',
    load: async () => {
      const m = await import('./commands/site.ts');
      return { help: m.siteHelp, run: m.siteCommand };
    },
  },
  schema: {
    summary: 'print the JSON Schema of the plan file',
    load: async () => {
      const m = await import('./commands/schema.ts');
      return { help: m.schemaHelp, run: m.schemaCommand };
    },
  },
};
