import { parsed, refused, type Parsed } from './parsed.ts';

/**
 * A 全国地方公共団体コード: five digits and a check digit (JIS X 0402). Five digits are completed with
 * their check digit; six are accepted only when the check digit is right, since a mistyped code would
 * attach the data to another municipality.
 */
export function parseMunicipalityCode(text: string): Parsed<string> {
  const code = text.normalize('NFKC').trim();
  if (!/^\d{5,6}$/.test(code)) {
    return refused(`「${text}」 is not a municipality code; write its six digits, e.g. 112330 for 北本市.`);
  }
  const check = checkDigit(code.slice(0, 5));
  if (code.length === 5) return parsed(code + check);
  if (code[5] !== check) {
    return refused(`「${text}」 has the check digit ${code[5]}, but ${code.slice(0, 5)} needs ${check}.`);
  }
  return parsed(code);
}

function checkDigit(five: string): string {
  const sum = [...five].reduce((total, digit, i) => total + Number(digit) * (6 - i), 0);
  return String((11 - (sum % 11)) % 10);
}
