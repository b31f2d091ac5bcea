import { COMMON_PASSWORDS } from './common-passwords.ts';

/**
 * The one rule for a password, applied wherever one is set (the staff page, the first start) and, for its
 * length, at sign-in too: a password that could be set can always be used, and one too long to be set is
 * refused at sign-in before it is hashed.
 *
 * Length is what makes a password strong, so the rule asks for 12 characters and then refuses only what
 * guessers try first: the common passwords and their dressed-up variants, one character repeated, walks
 * along the alphabet or the keyboard, and the login name itself.
 */
export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase or manager-generated password; hashing cost does not grow with it. */
export const MAX_PASSWORD_LENGTH = 1000;

/** Why a password is refused: data, so each interface words the rule in its reader's language. */
export type PasswordProblem =
  | { readonly rule: 'too-short'; readonly min: number }
  | { readonly rule: 'too-long'; readonly max: number }
  /** A control character (NUL, a line break, a tab): none can be typed into a password field. */
  | { readonly rule: 'control' }
  | { readonly rule: 'contains-login' }
  /** One character, or a unit of two to four, over and over (aaaaaaaaaaaa, abcabcabcabc). */
  | { readonly rule: 'repeated' }
  /** A walk along the alphabet, the digits or the keyboard (123456789012, qwertyuiopas). */
  | { readonly rule: 'sequence' }
  /** A common password, or a common word with a short or simple tail (password1234, sakura2024!). */
  | { readonly rule: 'common' };

export type PasswordRule = PasswordProblem['rule'];

const COMMON = new Set(COMMON_PASSWORDS);
/** No text longer than three listed words can be made of them. */
const LONGEST_COMMON_RUN = 3 * Math.max(...COMMON_PASSWORDS.map((word) => word.length));

/** Code points, counted no further than `stop`, so a megabyte of text costs no more than a long one. */
function lengthUpTo(text: string, stop: number): number {
  if (text.length <= stop) return [...text].length;
  const chars = text[Symbol.iterator]();
  let count = 0;
  while (count < stop && !chars.next().done) count++;
  return count;
}

/**
 * Whether the password's length is within the rule: sign-in refuses a longer one without hashing it,
 * since no account can have it.
 */
export function passwordLengthAllowed(password: string): boolean {
  return lengthUpTo(password, MAX_PASSWORD_LENGTH + 1) <= MAX_PASSWORD_LENGTH;
}

/** Full-width letters folded to ASCII, lower case, and spaces and separators dropped. */
const compact = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s._-]+/g, '');

/** Symbols and digits that people put for letters (p@ssw0rd). 1 stands for l or i, so both are tried. */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  '@': 'a',
  '4': 'a',
  '8': 'b',
  '(': 'c',
  '3': 'e',
  '6': 'g',
  '9': 'g',
  '!': 'i',
  '|': 'l',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
  '+': 't',
  '2': 'z',
};
const unLeet = (text: string, one: 'i' | 'l'): string =>
  [...text].map((c) => (c === '1' ? one : (LOOK_ALIKES[c] ?? c))).join('');

/** The unit of length 1 to 4 that the text repeats, or fewer than four different characters in all. */
function isRepeated(text: string): boolean {
  if (new Set(text).size < 4) return true;
  for (let unit = 2; unit <= 4 && unit * 3 <= text.length; unit++) {
    const head = text.slice(0, unit);
    if (head.repeat(Math.ceil(text.length / unit)).slice(0, text.length) === text) return true;
  }
  return false;
}

/** Rows and columns of the US and Japanese keyboards, the alphabet and the digits (0 after 9 too). */
const WALKS = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  '1234567890-=',
  '1234567890-^\\',
  'qwertyuiop[]\\',
  'qwertyuiop@[',
  "asdfghjkl;'",
  'asdfghjkl;:]',
  'zxcvbnm,./',
  '1qaz',
  '2wsx',
  '3edc',
  '4rfv',
  '5tgb',
  '6yhn',
  '7ujm',
  '8ik,',
  '9ol.',
  '0p;/',
  '1q2w3e4r5t6y7u8i9o0p',
  'qawsedrftgyhujikolp',
  'azsxdcfvgbhnjmk,l.',
];

/** Each character's neighbours along any walk, either way. */
const NEIGHBOURS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    const set = map.get(a) ?? new Set<string>();
    set.add(b);
    map.set(a, set);
  };
  for (const walk of WALKS) {
    for (let i = 1; i < walk.length; i++) {
      const a = walk[i - 1] as string;
      const b = walk[i] as string;
      link(a, b);
      link(b, a);
    }
  }
  return map;
})();

/**
 * A walk: each character next to the one before along some row, column or order, or the same one again,
 * with at most one jump per six characters (qwerasdfzxcv jumps twice and is still a walk).
 */
function isWalk(text: string): boolean {
  const chars = [...text];
  let jumps = 0;
  for (let i = 1; i < chars.length; i++) {
    const a = chars[i - 1] as string;
    const b = chars[i] as string;
    if (a !== b && !NEIGHBOURS.get(a)?.has(b)) jumps++;
  }
  return jumps <= Math.floor(chars.length / 6);
}

/** A tail or head that adds little: short, repeated, a walk, or a year or date (2024, 19900101!). */
const simpleDecoration = (text: string): boolean =>
  text.length <= 4 || isRepeated(text) || isWalk(text) || /^(19|20)\d{2,6}[^a-z0-9]{0,2}$/.test(text);

/** A common word, that word two or three times, or two common words together. */
function isCommonWord(word: string): boolean {
  if (word.length > LONGEST_COMMON_RUN) return false;
  if (COMMON.has(word)) return true;
  for (const times of [2, 3]) {
    if (word.length % times !== 0) continue;
    const unit = word.slice(0, word.length / times);
    if (COMMON.has(unit) && unit.repeat(times) === word) return true;
  }
  for (let cut = 2; cut <= word.length - 2; cut++) {
    if (COMMON.has(word.slice(0, cut)) && COMMON.has(word.slice(cut))) return true;
  }
  return false;
}

function isCommon(text: string): boolean {
  if (COMMON.has(text)) return true;
  const core = /^([^a-z]*)(.*?)([^a-z]*)$/.exec(text);
  const [, head = '', middle = '', tail = ''] = core ?? [];
  if (middle === '' || !simpleDecoration(head + tail)) return false;
  return isCommonWord(unLeet(middle, 'i')) || isCommonWord(unLeet(middle, 'l'));
}

/** C0 controls (NUL, tab, line breaks), DEL and C1: nothing a password field lets anyone type. */
// eslint-disable-next-line no-control-regex
const hasControl = (text: string): boolean => /[\u0000-\u001f\u007f-\u009f]/.test(text);

/**
 * The first rule the password breaks, or null when it may be set. `login` is the account's login name,
 * which the password may not contain.
 */
export function passwordProblem(password: string, login: string): PasswordProblem | null {
  const length = lengthUpTo(password, MAX_PASSWORD_LENGTH + 1);
  if (length < MIN_PASSWORD_LENGTH) return { rule: 'too-short', min: MIN_PASSWORD_LENGTH };
  if (length > MAX_PASSWORD_LENGTH) return { rule: 'too-long', max: MAX_PASSWORD_LENGTH };
  if (hasControl(password)) return { rule: 'control' };
  const text = compact(password);
  const name = compact(login);
  if (name.length >= 3 && (text.includes(name) || text.includes([...name].reverse().join(''))))
    return { rule: 'contains-login' };
  if (isRepeated(text)) return { rule: 'repeated' };
  if (isWalk(text)) return { rule: 'sequence' };
  if (isCommon(text)) return { rule: 'common' };
  return null;
}
