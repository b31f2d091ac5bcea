import { CSRF_FIELD } from './csrf.ts';

/** The hidden field that proves a form was served by this site to this session; put one in every form. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}
