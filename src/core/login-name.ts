/**
 * A login name: 3 to 40 lower-case letters, digits, dots, hyphens or underscores. Every account is
 * created under this rule, so sign-in refuses any other text before it asks the database: a NUL, a
 * megabyte or an emoji cannot name an account.
 */
const LOGIN_NAME = /^[a-z0-9._-]{3,40}$/;

export const isLoginName = (text: string): boolean => LOGIN_NAME.test(text);
