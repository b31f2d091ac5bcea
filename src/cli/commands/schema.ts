import { planJsonSchema } from '../../plan-file/schema.ts';
import type { Io } from '../io.ts';
import { parseCommandArgs } from '../options.ts';

export const schemaHelp = `shinchoku schema

Prints the JSON Schema of the plan file, generated from the schema Shinchoku validates with.
The same file is published as schema/plan.schema.json for editors.`;

export async function schemaCommand(args: readonly string[], io: Io): Promise<number> {
  parseCommandArgs('schema', args, {});
  io.out(JSON.stringify(planJsonSchema(), null, 2) + '\n');
  return 0;
}
