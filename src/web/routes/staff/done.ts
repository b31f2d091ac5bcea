import type { Lang } from '../../../core/language.ts';
import { t } from '../../i18n/index.ts';
import type { Done } from './paths.ts';

/** The confirmation a redirect asked for; an unknown word shows nothing, so the query cannot inject text. */
export function doneMessage(lang: Lang, done: string | undefined): string | null {
  const m = t(lang);
  const messages: Readonly<Record<Done, string>> = {
    submitted: m.staffReview.submitted,
    approved: m.staffReview.approved,
    returned: m.staffReview.returned,
    commented: m.staffComments.posted,
    'opinion-marked': m.opinions.markedDone,
    'opinion-unmarked': m.opinions.unmarkedDone,
    published: m.staffPublish.publishedPlain,
    withdrawn: m.staffPublishYear.withdrawnDone,
    'user-changed': m.staffUsers.changed,
    'password-changed': m.staffAccount.changed,
    'logged-out': m.staffAuth.loggedOut,
    'deadline-set': m.staffMail.deadlineSaved,
    'contact-saved': m.staffMail.contactSaved(1),
    'municipality-named': m.staffHost.named,
    'municipality-unchanged': m.staffHost.unchanged,
  };
  return done !== undefined && Object.hasOwn(messages, done) ? messages[done as Done] : null;
}
