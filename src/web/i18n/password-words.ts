import type { PasswordProblem } from '../../core/password-policy.ts';

/**
 * The password rule in words, one sentence per broken rule that says what is allowed. The staff pages
 * show it beside the field; the first start prints the English one.
 */
const JA_ADVICE = '覚えやすい言葉をいくつか組み合わせた長いものにするか、空欄にして自動で作成してください。';
/** Where the user must choose the password (changing their own), nothing can be generated for them. */
const JA_OWN_ADVICE = '覚えやすい言葉をいくつか組み合わせた長いものにしてください。';

export const jaPasswordProblem = (problem: PasswordProblem, canGenerate = true): string => {
  const advice = canGenerate ? JA_ADVICE : JA_OWN_ADVICE;
  switch (problem.rule) {
    case 'too-short':
      return `パスワードは${problem.min}文字以上にしてください。${canGenerate ? '空欄にすると自動で作成します。' : ''}`;
    case 'too-long':
      return `パスワードは${problem.max.toLocaleString('ja-JP')}文字以内にしてください。`;
    case 'control':
      return 'パスワードに改行やタブなどの制御文字は使えません。';
    case 'contains-login':
      return `パスワードにログインIDを含めることはできません。${advice}`;
    case 'repeated':
      return `同じ文字や短い並びを繰り返しただけのパスワード（aaaaaaaaaaaa、abcabcabcabc など）は使えません。${advice}`;
    case 'sequence':
      return `数字や文字、キーボードの並びをたどっただけのパスワード（123456789012、qwertyuiopas など）は使えません。${advice}`;
    case 'common':
      return `よく使われるパスワード（password1234 など）や、よく使われる単語に短い数字や記号を付けただけのパスワードは使えません。${advice}`;
  }
};

const EN_ADVICE =
  'Make it longer from a few words you can remember, or leave it empty to have one generated.';
const EN_OWN_ADVICE = 'Make it longer from a few words you can remember.';

export const enPasswordProblem = (problem: PasswordProblem, canGenerate = true): string => {
  const advice = canGenerate ? EN_ADVICE : EN_OWN_ADVICE;
  switch (problem.rule) {
    case 'too-short':
      return `A password needs at least ${problem.min} characters${canGenerate ? '; leave it empty to have one generated' : ''}.`;
    case 'too-long':
      return `A password may have at most ${problem.max.toLocaleString('en')} characters.`;
    case 'control':
      return 'A password cannot hold control characters such as line breaks or tabs.';
    case 'contains-login':
      return `A password may not contain the login. ${advice}`;
    case 'repeated':
      return `A password that repeats one character or a short run (aaaaaaaaaaaa, abcabcabcabc) is not allowed. ${advice}`;
    case 'sequence':
      return `A password that follows the digits, the alphabet or the keyboard (123456789012, qwertyuiopas) is not allowed. ${advice}`;
    case 'common':
      return `A common password (such as password1234), or a common word with a few digits or symbols added, is not allowed. ${advice}`;
  }
};
