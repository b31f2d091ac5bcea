/**
 * Exact rational arithmetic for figures: a value is a fraction n/d of integers, each held as a JS number
 * while it is a safe integer and as a BigInt beyond. Sums, differences, products and quotients of figures
 * are therefore exact, never carried to some number of digits, and rounding a quotient to a tenth sees the
 * tie exactly. Figures have at most 18 + 12 digits, so almost every step stays on the fast path of safe
 * integers; a step whose result would leave it is redone in BigInt.
 *
 * The methods and their names are those of decimal.js that src/core uses, so the rest of core reads the
 * same; decimal.js at 200 digits was 95 % of the engine's time.
 */

/** An integer: a JS number while safe, a BigInt beyond. */
type Int = number | bigint;

export type ExactValue = Exact | string | number | bigint;

/** Rounding modes, numbered as decimal.js numbers them. */
export const ROUND_UP = 0;
export const ROUND_DOWN = 1;
export const ROUND_CEIL = 2;
export const ROUND_FLOOR = 3;
export const ROUND_HALF_UP = 4;
export const ROUND_HALF_DOWN = 5;
export const ROUND_HALF_EVEN = 6;

/** How many significant digits a quotient that never ends is written with (as decimal.js at 200). */
const NON_TERMINATING_DIGITS = 200;

const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);
const POW10_BIG: bigint[] = [];
/** '', '0', '00', …: the zeros that pad a fraction's digits. */
const ZEROS: readonly string[] = Array.from({ length: 16 }, (_, i) => '0'.repeat(i));
/** 10^k → k, for a denominator that is already a power of ten (a figure as read, a rounded value). */
const POW10_EXPONENT = new Map(POW10.map((p, k) => [p, k]));

function pow10(k: number): Int {
  if (k < POW10.length) return POW10[k] as number;
  return pow10Big(k);
}

function pow10Big(k: number): bigint {
  let p = POW10_BIG[k];
  if (p === undefined) {
    p = 10n ** BigInt(k);
    if (k < 4096) POW10_BIG[k] = p;
  }
  return p;
}

const big = (a: Int): bigint => (typeof a === 'bigint' ? a : BigInt(a));

/** A BigInt back on the fast path when it fits. */
function small(a: bigint): Int {
  return a >= -9007199254740991n && a <= 9007199254740991n ? Number(a) : a;
}

function mul(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const p = a * b;
    // A true product beyond 2^53 rounds to a float at or beyond 2^53, which is not a safe integer.
    if (Number.isSafeInteger(p)) return p === 0 ? 0 : p;
  }
  return small(big(a) * big(b));
}

function add(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a + b;
    if (Number.isSafeInteger(s)) return s === 0 ? 0 : s;
  }
  return small(big(a) + big(b));
}

function neg(a: Int): Int {
  return typeof a === 'number' ? (a === 0 ? 0 : -a) : small(-a);
}

function abs(a: Int): Int {
  return a < 0 ? neg(a) : a;
}

function sign(a: Int): number {
  return a > 0 ? 1 : a < 0 ? -1 : 0;
}

function gcd(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    let x = Math.abs(a);
    let y = b;
    while (y !== 0) [x, y] = [y, x % y];
    return x;
  }
  let x = big(a);
  let y = big(b);
  if (x < 0n) x = -x;
  while (y !== 0n) [x, y] = [y, x % y];
  return small(x);
}

function divInt(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') return Math.trunc(a / b);
  return small(big(a) / big(b));
}

/**
 * n/d with d > 0. Reduced to lowest terms only once the denominator grows past 2^26, so that the
 * common steps (a figure's tenths and hundredths, a quotient by a small count) skip the gcd, while a
 * chain of quotients cannot push the denominator out of safe integers for want of it.
 */
function reduced(n: Int, d: Int): Exact {
  if (d < 0) {
    n = neg(n);
    d = neg(d);
  }
  if (n === 0) return ZERO_FRACTION;
  if (d !== 1 && (typeof d !== 'number' || d > REDUCE_ABOVE)) {
    const g = gcd(n, d);
    if (g !== 1) return new Exact(divInt(n, g), divInt(d, g));
  }
  return new Exact(n, d);
}

const REDUCE_ABOVE = 2 ** 26;

/**
 * The integer quotient of n·10^places / d, rounded as `mode` says; n and d as in {@link Exact}.
 * On the fast path while n·10^places stays below 2^52, so that q·d below is exact too.
 */
function roundedScaled(n: Int, d: Int, places: number, mode: number): Int {
  const scaled = mul(n, pow10(places));
  if (typeof scaled === 'number' && typeof d === 'number' && Math.abs(scaled) < 2 ** 52) {
    const s = Math.sign(scaled);
    let q = Math.trunc(scaled / d);
    let r = scaled - q * d;
    // The float quotient may round onto the next integer; the remainder says so.
    if (r !== 0 && Math.sign(r) !== s) {
      q -= s;
      r += s * d;
    } else if (Math.abs(r) >= d) {
      q += s;
      r -= s * d;
    }
    if (r === 0) return q === 0 ? 0 : q;
    const away = roundsAway(mode, s, Math.sign(Math.abs(r) * 2 - d), q % 2 !== 0);
    const result = away ? q + s : q;
    return result === 0 ? 0 : result;
  }
  if (typeof n === 'number' && typeof d === 'number') {
    const long = roundedLong(n, d, places, mode);
    if (long !== null) return long;
  }
  const bn = big(scaled);
  const bd = big(d);
  const q = bn / bd;
  const r = bn % bd;
  if (r === 0n) return small(q);
  const twice = (r < 0n ? -r : r) * 2n;
  const s = bn < 0n ? -1 : 1;
  const away = roundsAway(mode, s, twice > bd ? 1 : twice === bd ? 0 : -1, q % 2n !== 0n);
  return small(away ? q + BigInt(s) : q);
}

/** Below this a product or sum of safe integers is exact, with room for one more step. */
const SAFE = 2 ** 52;

/**
 * {@link roundedScaled} for safe n and d where n·10^places is not safe, by long division in safe integers:
 * the whole part, then the decimals a few at a time, each step's remainder times a power of ten staying
 * below 2^52. Null where the quotient itself or d·10 leaves safe integers, for BigInt to do it.
 */
function roundedLong(n: number, d: number, places: number, mode: number): number | null {
  const s = n < 0 ? -1 : 1;
  const a = n < 0 ? -n : n;
  if (a >= SAFE || d >= SAFE / 10) return null;
  let q = Math.floor(a / d);
  let r = a - q * d;
  if (r < 0) {
    q--;
    r += d;
  } else if (r >= d) {
    q++;
    r -= d;
  }
  let left = places;
  while (left > 0) {
    // The most decimals whose step keeps r·10^k (r < d) and q·10^k below 2^52.
    let k = Math.min(left, 15);
    while (k > 0 && ((POW10[k] as number) * d >= SAFE || (POW10[k] as number) * (q + 1) >= SAFE)) k--;
    if (k === 0) return null;
    const scale = POW10[k] as number;
    const t = r * scale;
    let c = Math.floor(t / d);
    r = t - c * d;
    if (r < 0) {
      c--;
      r += d;
    } else if (r >= d) {
      c++;
      r -= d;
    }
    q = q * scale + c;
    left -= k;
  }
  if (r !== 0 && roundsAway(mode, s, Math.sign(r * 2 - d), q % 2 !== 0)) q++;
  return q === 0 ? 0 : s * q;
}

/**
 * Whether a quotient that is not whole moves away from zero: `s` is its sign, `half` where its
 * remainder stands against one half (−1 below, 0 on, 1 above), `odd` whether its truncation is odd.
 */
function roundsAway(mode: number, s: number, half: number, odd: boolean): boolean {
  switch (mode) {
    case ROUND_DOWN:
      return false;
    case ROUND_UP:
      return true;
    case ROUND_CEIL:
      return s > 0;
    case ROUND_FLOOR:
      return s < 0;
    case ROUND_HALF_UP:
      return half >= 0;
    case ROUND_HALF_DOWN:
      return half > 0;
    case ROUND_HALF_EVEN:
      return half > 0 || (half === 0 && odd);
    default:
      throw new RangeError(`rounding mode ${mode} is not supported`);
  }
}

/**
 * The texts {@link scaledText} wrote for small q, by places (up to {@link CACHED_PLACES}) and q +
 * {@link CACHED_Q}: progress figures and rates repeat (25.0, 100.0, every figure between −3276.8 and
 * 3276.7 % of a national comparison), and a text written once is shared instead of being made again for
 * every series and year: strings are immutable, so sharing one changes nothing but the allocations. Each
 * list is made when first needed, at its full length so that its elements stay a fast array (256 KiB).
 */
const CACHED_Q = 32768;
const CACHED_PLACES = 3;
const SCALED_TEXTS: (string | undefined)[][] = [];

/** Writes the integer q as a decimal with `places` decimals: q·10^-places. */
function scaledText(q: Int, places: number): string {
  if (typeof q === 'number' && places <= CACHED_PLACES && q > -CACHED_Q && q < CACHED_Q) {
    let texts = SCALED_TEXTS[places];
    if (texts === undefined) {
      texts = Array.from({ length: 2 * CACHED_Q }, () => undefined);
      SCALED_TEXTS[places] = texts;
    }
    const i = q + CACHED_Q;
    let text = texts[i];
    if (text === undefined) {
      text = writeScaled(q, places);
      texts[i] = text;
    }
    return text;
  }
  return writeScaled(q, places);
}

/** {@link scaledText} without the cache. */
function writeScaled(q: Int, places: number): string {
  if (typeof q === 'number' && places > 0 && places < POW10.length) {
    // Whole part and decimals by arithmetic: no slicing of the digits.
    const a = q < 0 ? -q : q;
    if (a < SAFE) {
      const scale = POW10[places] as number;
      const whole = Math.floor(a / scale);
      let fraction = a - whole * scale;
      let w = whole;
      if (fraction < 0) {
        w--;
        fraction += scale;
      }
      const digits = String(fraction);
      const text = `${w}.${digits.length < places ? (ZEROS[places - digits.length] as string) + digits : digits}`;
      return q < 0 ? `-${text}` : text;
    }
  }
  const negative = q < 0;
  let digits = (negative ? neg(q) : q).toString();
  if (places > 0) {
    if (digits.length <= places) digits = '0'.repeat(places - digits.length + 1) + digits;
    digits = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  }
  return negative ? `-${digits}` : digits;
}

/** The figure {@link readFigure} read last: its digits as a safe integer, and its count of decimals. */
let readN = 0;
let readPlaces = 0;

/**
 * Reads a figure as Shinchoku writes them (DecimalString, up to 15 characters) into readN and readPlaces,
 * without a regular expression or an allocation; false for anything else, which {@link parse} reads.
 */
function readFigure(text: string): boolean {
  const length = text.length;
  if (length === 0 || length > 15) return false;
  const negative = text.charCodeAt(0) === 45;
  let i = negative ? 1 : 0;
  if (i >= length) return false;
  let n = 0;
  let places = -1;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      if (places >= 0) places++;
    } else if (c === 46 && places < 0 && i + 1 < length) {
      places = 0;
    } else {
      return false;
    }
  }
  if (places === 0) return false;
  readN = negative && n !== 0 ? -n : n;
  readPlaces = Math.max(places, 0);
  return true;
}

/** Reads a decimal as text: digits, an optional point and fraction, an optional sign and exponent. */
function parse(text: string): Exact {
  if (readFigure(text)) return reduced(readN, POW10[readPlaces] as number);
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
    throw new RangeError(`「${text}」 is not a decimal number`);
  }
  const [, sign = '', intPart = '', fraction = '', exponentText] = match;
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  let n: Int = small(BigInt(intPart + fraction || '0'));
  let places = fraction.length - exponent;
  if (places < 0) {
    n = mul(n, pow10(-places));
    places = 0;
  }
  return reduced(sign === '-' ? neg(n) : n, pow10(places));
}

export class Exact {
  static readonly ROUND_UP = ROUND_UP;
  static readonly ROUND_DOWN = ROUND_DOWN;
  static readonly ROUND_CEIL = ROUND_CEIL;
  static readonly ROUND_FLOOR = ROUND_FLOOR;
  static readonly ROUND_HALF_UP = ROUND_HALF_UP;
  static readonly ROUND_HALF_DOWN = ROUND_HALF_DOWN;
  static readonly ROUND_HALF_EVEN = ROUND_HALF_EVEN;

  /** Numerator; carries the sign. */
  readonly n: Int;
  /** Denominator, always positive. */
  readonly d: Int;

  constructor(value: ExactValue, denominator?: Int) {
    if (denominator !== undefined) {
      this.n = value as Int;
      this.d = denominator;
      return;
    }
    const v = of(value);
    this.n = v.n;
    this.d = v.d;
  }

  static max(...values: ExactValue[]): Exact {
    return values.map(of).reduce((a, b) => (b.cmp(a) > 0 ? b : a));
  }

  static min(...values: ExactValue[]): Exact {
    return values.map(of).reduce((a, b) => (b.cmp(a) < 0 ? b : a));
  }

  plus(other: ExactValue): Exact {
    const o = of(other);
    if (this.d === o.d) return reduced(add(this.n, o.n), this.d);
    return reduced(add(mul(this.n, o.d), mul(o.n, this.d)), mul(this.d, o.d));
  }

  minus(other: ExactValue): Exact {
    const o = of(other);
    if (this.d === o.d) return reduced(add(this.n, neg(o.n)), this.d);
    return reduced(add(mul(this.n, o.d), neg(mul(o.n, this.d))), mul(this.d, o.d));
  }

  mul(other: ExactValue): Exact {
    const o = of(other);
    return reduced(mul(this.n, o.n), mul(this.d, o.d));
  }

  div(other: ExactValue): Exact {
    const o = of(other);
    if (o.n === 0) throw new RangeError('division by zero');
    return reduced(mul(this.n, o.d), mul(this.d, o.n));
  }

  /** Integer powers only: figures never need a root. */
  pow(exponent: number): Exact {
    if (!Number.isInteger(exponent)) throw new RangeError('only integer powers are exact');
    let result: Exact = ONE;
    for (let i = 0; i < Math.abs(exponent); i++) result = result.mul(this);
    return exponent < 0 ? ONE.div(result) : result;
  }

  cmp(other: ExactValue): number {
    const o = of(other);
    if (this.d === o.d) return sign(add(this.n, neg(o.n)));
    const left = mul(this.n, o.d);
    const right = mul(o.n, this.d);
    return left < right ? -1 : left > right ? 1 : 0;
  }

  eq(other: ExactValue): boolean {
    return this.cmp(other) === 0;
  }
  lt(other: ExactValue): boolean {
    return this.cmp(other) < 0;
  }
  lte(other: ExactValue): boolean {
    return this.cmp(other) <= 0;
  }
  gt(other: ExactValue): boolean {
    return this.cmp(other) > 0;
  }
  gte(other: ExactValue): boolean {
    return this.cmp(other) >= 0;
  }

  abs(): Exact {
    return this.n < 0 ? new Exact(neg(this.n), this.d) : this;
  }
  neg(): Exact {
    return new Exact(neg(this.n), this.d);
  }
  isZero(): boolean {
    return this.n === 0;
  }
  isNegative(): boolean {
    return this.n < 0;
  }
  /** True for zero as well, as decimal.js has it for +0. */
  isPositive(): boolean {
    return this.n >= 0;
  }
  isInteger(): boolean {
    return this.d === 1;
  }

  /** Rounded to `places` decimals (half away from zero unless told otherwise). */
  toDecimalPlaces(places: number, rounding: number = ROUND_HALF_UP): Exact {
    if (this.d === 1) return this;
    const q = roundedScaled(this.n, this.d, places, rounding);
    // Left as q/10^places, unreduced: writing it out then needs no gcd.
    return q === 0 ? ZERO_FRACTION : new Exact(q, pow10(places));
  }

  /**
   * With exactly `places` decimals, rounded half away from zero; without `places`, the exact value in
   * full (a quotient that never ends is written to 200 significant digits, as decimal.js did).
   */
  toFixed(places?: number, rounding: number = ROUND_HALF_UP): string {
    if (places !== undefined) {
      if (this.d === 1) return scaledText(mul(this.n, pow10(places)), places);
      return scaledText(roundedScaled(this.n, this.d, places, rounding), places);
    }
    if (this.d === 1) return this.n.toString();
    const tens = typeof this.d === 'number' ? POW10_EXPONENT.get(this.d) : undefined;
    if (tens !== undefined) {
      // Without the zeros the denominator's power of ten adds, and the point where nothing follows it.
      const text = scaledText(this.n, tens);
      let end = text.length;
      while (text.charCodeAt(end - 1) === 48) end--;
      if (text.charCodeAt(end - 1) === 46) end--;
      return text.slice(0, end);
    }
    const terminating = decimalPlacesOfFraction(this.n, this.d);
    if (terminating !== null) return scaledText(divInt(mul(this.n, pow10(terminating)), this.d), terminating);
    // Places enough for 200 significant digits: those of the integer part, or the leading zeros after the point.
    const magnitude = abs(this.n) >= this.d ? divInt(abs(this.n), this.d).toString().length : 0;
    let digits = NON_TERMINATING_DIGITS - magnitude;
    if (magnitude === 0) {
      let leading = 0;
      while (mul(abs(this.n), pow10(leading + 1)) < this.d) leading++;
      digits = NON_TERMINATING_DIGITS + leading;
    }
    return scaledText(roundedScaled(this.n, this.d, digits, rounding), digits).replace(/\.?0+$/, '');
  }

  toString(): string {
    return this.toFixed();
  }
  valueOf(): string {
    return this.toFixed();
  }
  toJSON(): string {
    return this.toFixed();
  }
}

/**
 * The decimals a fraction needs when it ends (its denominator has no prime factor but 2 and 5), else null.
 */
function decimalPlacesOfFraction(n: Int, d: Int): number | null {
  const g = gcd(n, d);
  let rest = g === 1 ? d : divInt(d, g);
  let twos = 0;
  let fives = 0;
  if (typeof rest === 'number') {
    while (rest % 2 === 0) {
      rest /= 2;
      twos++;
    }
    while (rest % 5 === 0) {
      rest /= 5;
      fives++;
    }
    return rest === 1 ? Math.max(twos, fives) : null;
  }
  let b = rest;
  while (b % 2n === 0n) {
    b /= 2n;
    twos++;
  }
  while (b % 5n === 0n) {
    b /= 5n;
    fives++;
  }
  return b === 1n ? Math.max(twos, fives) : null;
}

const ZERO_FRACTION = new Exact(0, 1);
const ONE = new Exact(1, 1);

function of(value: ExactValue): Exact {
  if (value instanceof Exact) return value;
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return new Exact(value === 0 ? 0 : value, 1);
    if (!Number.isFinite(value)) throw new RangeError(`${value} is not a figure`);
    return parse(String(value));
  }
  if (typeof value === 'bigint') return new Exact(small(value), 1);
  return parse(value);
}

/**
 * numerator / denominator × 100, rounded to `places` as `mode` says, written out: a progress figure or a
 * rate straight from the fractions, without the intermediate values.
 */
export function percentText(numerator: Exact, denominator: Exact, places: number, mode: number): string {
  if (denominator.n === 0) throw new RangeError('division by zero');
  let n = mul(mul(numerator.n, denominator.d), 100);
  let d = mul(numerator.d, denominator.n);
  if (d < 0) {
    n = neg(n);
    d = neg(d);
  }
  return scaledText(roundedScaled(n, d, places, mode), places);
}

/** A figure's text against an exact value, as `new Exact(text).cmp(value)`, without the Exact. */
export function cmpText(text: string, value: Exact): number {
  return readText(text) ? cmpRead(value) : parse(text).cmp(value);
}

/**
 * (text − from) / by × 100, rounded and written as {@link percentText} does it, straight from the figure's
 * text: a progress figure per series and year without an Exact for the actual or the difference.
 */
export function percentFromText(text: string, from: Exact, by: Exact, places: number, mode: number): string {
  if (!readText(text)) return percentText(parse(text).minus(from), by, places, mode);
  return percentRead(from, by, places, mode);
}

/**
 * Reads a figure's text once for {@link cmpRead} and {@link percentRead}, which then use it, so that a
 * figure compared and divided in the same step is read once. False for text that is not a figure as
 * Shinchoku writes it (more than 15 characters, an exponent); {@link cmpText} and {@link percentFromText}
 * read any text.
 */
export function readText(text: string): boolean {
  return readFigure(text);
}

/** The figure {@link readText} read last, against an exact value, as {@link cmpText}. */
export function cmpRead(value: Exact): number {
  const left = mul(readN, value.d);
  const right = mul(value.n, pow10(readPlaces));
  return left < right ? -1 : left > right ? 1 : 0;
}

/** ({@link readText}'s figure − from) / by × 100, rounded and written as {@link percentFromText}. */
export function percentRead(from: Exact, by: Exact, places: number, mode: number): string {
  if (by.n === 0) throw new RangeError('division by zero');
  const scale = pow10(readPlaces);
  // text − from = (readN·from.d − from.n·scale) / (scale·from.d); over by = by.n / by.d.
  let n = mul(mul(add(mul(readN, from.d), neg(mul(from.n, scale))), by.d), 100);
  let d = mul(mul(scale, from.d), by.n);
  if (d < 0) {
    n = neg(n);
    d = neg(d);
  }
  return scaledText(roundedScaled(n, d, places, mode), places);
}

/**
 * (text − from) / by × 100 to ten decimals, half away from zero, written as short as it can be: a score's
 * exact figure as methods.ts writes it (toPlainString of toDecimalPlaces(10)), without the fractions between.
 */
export function exactPercentFromText(text: string, from: Exact, by: Exact): string {
  const fixed = percentFromText(text, from, by, EXACT_PLACES, ROUND_HALF_UP);
  let end = fixed.length;
  while (fixed.charCodeAt(end - 1) === 48) end--;
  if (fixed.charCodeAt(end - 1) === 46) end--;
  return end === fixed.length ? fixed : fixed.slice(0, end);
}

const EXACT_PLACES = 10;
