import { parsed, refused, type Parsed } from './parsed.ts';

/** Why a text is not a 全国地方公共団体コード: not five or six digits, or a sixth digit that is not the check digit. */
export type MunicipalityCodeProblem =
  | { readonly reason: 'shape' }
  | { readonly reason: 'check-digit'; readonly written: string; readonly expected: string };

export type MunicipalityCodeRead =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly problem: MunicipalityCodeProblem };

/**
 * A 全国地方公共団体コード: five digits and a check digit (JIS X 0402). Five digits are completed with
 * their check digit; six are accepted only when the check digit is right, since a mistyped code would
 * attach the data to another municipality. Full-width digits are read as digits.
 */
export function readMunicipalityCode(text: string): MunicipalityCodeRead {
  const code = text.normalize('NFKC').trim();
  if (!/^\d{5,6}$/.test(code)) return { ok: false, problem: { reason: 'shape' } };
  const check = checkDigit(code.slice(0, 5));
  if (code.length === 5) return { ok: true, value: code + check };
  if (code[5] !== check) {
    return { ok: false, problem: { reason: 'check-digit', written: code[5] ?? '', expected: check } };
  }
  return { ok: true, value: code };
}

/** The same reading, with the refusal in English for the command line. */
export function parseMunicipalityCode(text: string): Parsed<string> {
  const read = readMunicipalityCode(text);
  if (read.ok) return parsed(read.value);
  if (read.problem.reason === 'shape') {
    return refused(`「${text}」 is not a municipality code; write its six digits, e.g. 112330 for 北本市.`);
  }
  const five = text.normalize('NFKC').trim().slice(0, 5);
  return refused(
    `「${text}」 has the check digit ${read.problem.written}, but ${five} needs ${read.problem.expected}.`,
  );
}

function checkDigit(five: string): string {
  const sum = [...five].reduce((total, digit, i) => total + Number(digit) * (6 - i), 0);
  return String((11 - (sum % 11)) % 10);
}
