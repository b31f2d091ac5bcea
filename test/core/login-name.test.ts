import { describe, expect, it } from 'vitest';
import { isLoginName } from '../../src/core/login-name.ts';

describe('login names: 3 to 40 lower-case letters, digits, dots, hyphens or underscores', () => {
  it('takes every such name, from 3 characters to 40', () => {
    for (const name of ['abc', 'k.sato', 'kikaku-2', 'a_b', '0.9', 'x'.repeat(40)]) {
      expect(isLoginName(name), name).toBe(true);
    }
  });

  it('refuses any other text before the database is asked', () => {
    for (const name of [
      'ab',
      'x'.repeat(41),
      'Sato',
      'k sato',
      ' abc',
      'abc ',
      'abc\n',
      'a\0bc',
      'さとう',
      'ab😀',
      '',
    ]) {
      expect(isLoginName(name), JSON.stringify(name)).toBe(false);
    }
  });
});
