import { describe, expect, it } from 'vitest';
import { parseEmailAddress } from '../../src/core/email-address.ts';
import { parseMunicipalityCode } from '../../src/core/municipality-code.ts';

describe('an e-mail address within RFC 5321’s limits', () => {
  const address = 'a@example.jp';

  it('takes a one-letter local part, and spaces around the address up to four times the limit in all', () => {
    expect(parseEmailAddress(address)).toEqual({ ok: true, value: address });
    expect(parseEmailAddress(address + ' '.repeat(60))).toEqual({ ok: true, value: address });
    expect(parseEmailAddress(' '.repeat(1016 - address.length) + address)).toEqual({
      ok: true,
      value: address,
    });
    expect(parseEmailAddress(' '.repeat(1017 - address.length) + address)).toEqual({
      ok: false,
      refusal: 'too-long',
    });
  });

  it('takes 254 characters and a 64-character local part, and nothing longer', () => {
    const domain = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.jp`;
    const longest = `${'a'.repeat(64)}@${domain}`;
    expect(longest).toHaveLength(254);
    expect(parseEmailAddress(longest)).toEqual({ ok: true, value: longest });
    expect(parseEmailAddress(`${longest}x`)).toEqual({ ok: false, refusal: 'too-long' });
    expect(parseEmailAddress(`${'a'.repeat(65)}@example.jp`)).toEqual({ ok: false, refusal: 'format' });
  });

  it('refuses an address without a local part or without an @', () => {
    expect(parseEmailAddress('example.jp')).toEqual({ ok: false, refusal: 'format' });
    expect(parseEmailAddress('@example.jp')).toEqual({ ok: false, refusal: 'format' });
  });
});

describe('a municipality code read for the command line', () => {
  it('completes five digits with the check digit and takes six with the right one', () => {
    expect(parseMunicipalityCode('11233')).toEqual({ ok: true, value: '112330', notes: [] });
    expect(parseMunicipalityCode(' １１２３３０ ')).toEqual({ ok: true, value: '112330', notes: [] });
  });

  it('says what is wrong: not a code at all, or the check digit the five digits need', () => {
    expect(parseMunicipalityCode('1123')).toEqual({
      ok: false,
      message: '「1123」 is not a municipality code; write its six digits, e.g. 112330 for 北本市.',
    });
    expect(parseMunicipalityCode(' １１２３３１')).toEqual({
      ok: false,
      message: '「 １１２３３１」 has the check digit 1, but 11233 needs 0.',
    });
  });
});
