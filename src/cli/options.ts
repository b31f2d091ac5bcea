import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ShinchokuError } from '../core/errors.ts';
import { parseFiscalYear, type FiscalYear } from '../core/fiscal-year.ts';
import { LANGS, type Lang } from '../core/language.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments, turning every mistake into a usage error that names the command's help. */
export function parseCommandArgs<O extends Options>(command: string, args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new ShinchokuError(
      'usage',
      (error as Error).message,
      `Run \`shinchoku help ${command}\` for its options.`,
    );
  }
}

export function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ShinchokuError('usage', `--${name} must be one of ${allowed.join(', ')}; got 「${value}」.`);
}

export function langOption(value: string | undefined): Lang {
  return oneOf('lang', value, LANGS, 'ja');
}

export function yearOption(value: string | undefined): FiscalYear | null {
  if (value === undefined) return null;
  const year = parseFiscalYear(value);
  if (!year.ok) throw new ShinchokuError('usage', `--year: ${year.message}`);
  return year.value;
}

export function onePlanPath(command: string, positionals: readonly string[]): string {
  const [path, ...rest] = positionals;
  if (!path || rest.length > 0) {
    throw new ShinchokuError(
      'usage',
      `shinchoku ${command} takes one plan file.`,
      `For example: shinchoku ${command} examples/kitamoto/plan.yaml`,
    );
  }
  return path;
}
