import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from '../../src/core/common-passwords.ts';
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordLengthAllowed,
  passwordProblem,
  type PasswordRule,
} from '../../src/core/password-policy.ts';

const rule = (password: string, login = 'tanaka'): PasswordRule | null =>
  passwordProblem(password, login)?.rule ?? null;

/** The generator's alphabet (store/password.ts): what an office gets when it leaves the field empty. */
const GENERATED = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

describe('the password rule', () => {
  it('asks for 12 to 1,000 characters, counted as a person counts them', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(rule('Kq7#vX2!mZ9')).toBe('too-short');
    expect(rule('Kq7#vX2!mZ9p')).toBeNull();
    // Eleven characters, twenty-two UTF-16 units: still too short.
    expect(rule('😀'.repeat(11))).toBe('too-short');
    const longest = 'Kitamoto riverside walk at dawn, '.repeat(40).slice(0, MAX_PASSWORD_LENGTH);
    expect(rule(longest)).toBeNull();
    expect(rule(`${longest}x`)).toBe('too-long');
    expect(passwordLengthAllowed(longest)).toBe(true);
    expect(passwordLengthAllowed(`${longest}x`)).toBe(false);
    expect(passwordLengthAllowed('x'.repeat(5_000_000))).toBe(false);
  });

  it('refuses one character or a short run repeated', () => {
    for (const weak of [
      'aaaaaaaaaaaa',
      '            ',
      '111111111111',
      'abababababab',
      'abcabcabcabc',
      'Ab1!Ab1!Ab1!',
      'aaaaaabbbbbb',
    ])
      expect(rule(weak), weak).toBe('repeated');
  });

  it('refuses walks along the digits, the alphabet and the keyboard, either way', () => {
    for (const weak of [
      '123456789012',
      '987654321098',
      'abcdefghijklm',
      'zyxwvutsrqpo',
      'qwertyuiopas',
      'asdfghjkl;:]',
      '1q2w3e4r5t6y',
      '1qaz2wsx3edc',
      'qwerasdfzxcv',
      'ＱＷＥＲＴＹＵＩＯＰ１２',
    ])
      expect(rule(weak), weak).toBe('sequence');
  });

  it('refuses common passwords and their dressed-up variants', () => {
    for (const weak of [
      'password1234',
      'Password1234',
      'P@ssw0rd1234',
      'p@$$w0rd2024!',
      'passwordpassword',
      'iloveyou1234',
      'sakura123456',
      'doraemon2024',
      'iloveyousakura',
      'administrator',
      'ｐａｓｓｗｏｒｄ１２３４',
      '1234password',
      'pass-word-1234',
    ])
      expect(rule(weak), weak).toBe('common');
  });

  it('refuses a password that holds the login, forwards or backwards', () => {
    expect(rule('my-tanaka-secret-x', 'tanaka')).toBe('contains-login');
    expect(rule('TANAKA horse staple', 'tanaka')).toBe('contains-login');
    expect(rule('akanat horse staple', 'tanaka')).toBe('contains-login');
    expect(rule('my-tanaka-secret-x', 'suzuki')).toBeNull();
  });

  it('refuses control characters, which no password field can type', () => {
    for (const weak of ['correct horse\u0000battery', 'correct horse\nbattery', 'correct\thorse battery'])
      expect(rule(weak)).toBe('control');
  });

  it('accepts passphrases and a common word with a long, unguessable tail', () => {
    for (const good of [
      'correct horse battery staple',
      'a long operator password',
      'crash-test-password-1',
      '北本市の総合戦略を評価する',
      'dragon839274615',
      'Tsukuba-Kitamoto-2024!',
      'Hk3#vQ9!mZ2p',
    ])
      expect(rule(good), good).toBeNull();
  });

  it('keeps every listed word lower-case and without spaces, so the comparison can find it', () => {
    for (const word of COMMON_PASSWORDS) expect(word).toMatch(/^[a-z0-9]+$/);
    expect(new Set(COMMON_PASSWORDS).size).toBe(COMMON_PASSWORDS.length);
    expect(COMMON_PASSWORDS.length).toBeGreaterThanOrEqual(300);
  });

  it('accepts what the generator makes, and ends at once for any text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...GENERATED), { minLength: 20, maxLength: 20 }),
        (chars) => passwordProblem(chars.join(''), 'admin') === null,
      ),
      { seed: 20240601, numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 1200 }),
        fc.string({ maxLength: 60 }),
        (text, login) => {
          const started = performance.now();
          passwordProblem(text, login);
          return performance.now() - started < 1000;
        },
      ),
      { seed: 7, numRuns: 100 },
    );
  });
});
