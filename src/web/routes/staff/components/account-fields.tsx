import type { Lang } from '../../../../core/language.ts';
import type { Problems } from '../../../commands/form-problem.ts';
import { t } from '../../../i18n/index.ts';
import { TextField } from './fields.tsx';

/**
 * A new account's login and name, as every form that adds one asks them: the office's 利用者の追加 and
 * the host's forms that add a municipality's administrator (with a new municipality or to one already
 * there). One component, so the fields' names, rules and help stay the same on all of them; the
 * office's form adds its password and role after these.
 */
export function AccountFields(props: {
  readonly lang: Lang;
  readonly login: string;
  readonly displayName: string;
  readonly problems: Problems;
  /** The labels where the form says whose account it is (管理者のログインID); the users page's plain ones otherwise. */
  readonly labels?: { readonly login: string; readonly displayName: string };
}) {
  const u = t(props.lang).staffUsers;
  const labels = props.labels ?? { login: u.login, displayName: u.displayName };
  return (
    <>
      <TextField
        lang={props.lang}
        id="login"
        label={labels.login}
        help={u.loginHelp}
        value={props.login}
        autocomplete="off"
        problem={props.problems.login}
        required
      />
      <TextField
        lang={props.lang}
        id="displayName"
        label={labels.displayName}
        value={props.displayName}
        autocomplete="off"
        problem={props.problems.displayName}
        required
      />
    </>
  );
}
