/**
 * An e-mail address as typed into a form: full-width letters read as ASCII (ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ), spaces
 * around it dropped; then one plain address (local@domain, an ASCII domain with a dot), never a display name
 * or a list, so nothing typed here can add a recipient or a header to a mail.
 */

export type EmailAddress = string & { readonly __email: unique symbol };

export type EmailRefusal = 'too-long' | 'format';

export type EmailRead =
  | { readonly ok: true; readonly value: EmailAddress | null }
  | { readonly ok: false; readonly refusal: EmailRefusal };

/** RFC 5321's limit on a path. */
export const MAX_EMAIL = 254;

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Empty means "no address": the user gets notices in the app only. */
export function parseEmailAddress(text: string): EmailRead {
  if (text.length > MAX_EMAIL * 4) return { ok: false, refusal: 'too-long' };
  const plain = text.normalize('NFKC').trim();
  if (plain === '') return { ok: true, value: null };
  if (plain.length > MAX_EMAIL) return { ok: false, refusal: 'too-long' };
  const at = plain.lastIndexOf('@');
  const local = plain.slice(0, at);
  const labels = plain.slice(at + 1).split('.');
  if (
    at < 1 ||
    local.length > 64 ||
    !LOCAL.test(local) ||
    labels.length < 2 ||
    !labels.every((l) => LABEL.test(l))
  )
    return { ok: false, refusal: 'format' };
  return { ok: true, value: plain as EmailAddress };
}
