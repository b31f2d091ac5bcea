import { formatFiscalYear, formatFiscalYearLong, type FiscalYear } from '../../core/fiscal-year.ts';

/**
 * Accounts (one's own password; an administrator's edit, reset and disable) and the audit log's words:
 * every action, field and state the log records, with a generic word for any it does not know yet, so a
 * code never reaches the screen.
 */
export const staffAccountJa = {
  staffAccount: {
    nav: 'パスワードの変更',
    title: 'パスワードの変更',
    intro: '現在のパスワードと、新しいパスワードを2回入力してください。',
    mustChange:
      'このパスワードはほかの人にも知られています（自動で作成された、または管理者が再設定したもの）。続けるには、新しいパスワードに変更してください。',
    current: '現在のパスワード',
    next: '新しいパスワード',
    nextHelp:
      '12文字以上1,000文字以内。よく使われるパスワード、同じ文字の繰り返しやキーボードの並び、ログインIDを含むものは使えません。覚えやすい言葉をいくつか組み合わせると安全です。',
    confirm: '新しいパスワード（確認）',
    changeButton: 'パスワードを変更',
    changed: 'パスワードを変更しました。ほかの端末でのログインは終了しました。',
    editLink: (login: string): string => `${login}を編集`,
    editTitle: (login: string): string => `利用者の編集：${login}`,
    profileHeading: '氏名・役割・担当課',
    saveButton: '保存',
    saved: (changes: number): string =>
      changes === 0 ? '変更はありませんでした。' : `${changes}件の項目を変更しました。`,
    statusHeading: '利用の停止',
    statusActive:
      'この利用者は有効です。無効にすると、ログインできなくなり、ログイン中の画面もすぐに使えなくなります。',
    statusDisabled: 'この利用者は無効です。有効に戻すと、またログインできるようになります。',
    resetHeading: 'パスワードの再設定',
    resetIntro:
      '一度だけ使えるパスワードを自動で作成します。いまのパスワードは使えなくなり、ログイン中の画面も終了します。利用者は次のログインで自分のパスワードに変更します。',
    resetButton: (login: string): string => `${login}のパスワードを再設定`,
    resetTitle: (login: string): string => `パスワードを再設定しました：${login}`,
    resetShown: '一度だけ使えるパスワード',
    resetWarning:
      'このパスワードは、この画面にしか表示されません（保存されるのは復元できない形だけです）。利用者に確実に伝えてから、この画面を閉じてください。',
    backToUsers: '利用者の一覧へ戻る',
    notSelfReset: '自分のパスワードは「パスワードの変更」から変更してください。',
  },
  staffAuditWords: {
    actions: {
      'observation.save': '実績値の保存',
      'assessment.save': '評価の保存',
      'review.submitted': '提出',
      'review.approved': '承認',
      'review.returned': '差し戻し',
      'comment.add': 'コメント',
      'comment.opinion': '委員会意見の公表の指定',
      'collect.apply': '入力用ファイルの取込',
      'edition.publish': '公表',
      'edition.withdraw': '公表の撤回',
      'plan.import': '計画の取込',
      'plan.replace': '計画の置き換え',
      'kpi.update': '数値目標の設定',
      'kpi.revise': '目標値・現状値の見直し',
      'user.create': '利用者の追加',
      'user.update': '利用者の編集',
      'user.disable': '利用者の無効化',
      'user.enable': '利用者の有効化',
      'user.change-password': 'パスワードの変更',
      'user.reset-password': 'パスワードの再設定',
      'department.create': '担当課の追加',
    } as Readonly<Record<string, string>>,
    otherAction: 'その他の変更',
    fields: {
      value: '実績値',
      state: '状態',
      text: '評価の文章',
      comment: 'コメント',
      opinion: '委員会意見',
      reason: '理由',
      target: '目標値',
      baseline: '現状値',
      'revision-note': '見直しの理由',
      name: '名称',
      unit: '単位',
      department: '担当課',
      role: '役割',
      displayName: '氏名',
      disabled: '利用の状態',
      password: 'パスワード',
    } as Readonly<Record<string, string>>,
    otherField: 'その他の項目',
    account: { active: '有効', disabled: '無効' },
    opinion: { published: '公表する', internal: '公表しない' } as Readonly<Record<string, string>>,
    provisional: (value: string): string => `${value}（見込）`,
    reviewWithComment: (state: string, comment: string): string => `${state}：${comment}`,
    collected: (figures: number, assessments: number, file: string): string =>
      `実績値${figures}件・評価${assessments}件（${file}）`,
    kpiYear: (kpi: string, series: string | null, year: string): string =>
      `${kpi}${series ? `（${series}）` : ''}\u3000${year}`,
    year: (year: FiscalYear): string => formatFiscalYearLong(year),
    edition: (year: string, n: number): string => `${year} 第${n}版`,
    removedKpi: '（削除された数値目標）',
    unknownSubject: '—',
    passwordHidden: '（表示しません）',
  },
};

export type StaffAccountMessages = typeof staffAccountJa;

export const staffAccountEn: StaffAccountMessages = {
  staffAccount: {
    nav: 'Change password',
    title: 'Change password',
    intro: 'Type your current password, then the new one twice.',
    mustChange:
      'Someone else knows this password (it was generated, or an administrator reset it). Choose a new password to continue.',
    current: 'Current password',
    next: 'New password',
    nextHelp:
      '12 to 1,000 characters. Common passwords, repeated characters, keyboard runs and passwords containing the login are refused. A few words you can remember make a strong one.',
    confirm: 'New password (again)',
    changeButton: 'Change password',
    changed: 'Your password was changed. You were signed out on every other device.',
    editLink: (login) => `Edit ${login}`,
    editTitle: (login) => `Edit user: ${login}`,
    profileHeading: 'Name, role and department',
    saveButton: 'Save',
    saved: (changes) =>
      changes === 0
        ? 'Nothing was changed.'
        : `${changes} ${changes === 1 ? 'field was' : 'fields were'} changed.`,
    statusHeading: 'Access',
    statusActive:
      'This user is active. Disabling them stops their sign-in and ends their open sessions at once.',
    statusDisabled: 'This user is disabled. Enabling them lets them sign in again.',
    resetHeading: 'Reset password',
    resetIntro:
      'Generates a password that works once. The current password stops working and open sessions end. The user chooses their own password at the next sign-in.',
    resetButton: (login) => `Reset the password of ${login}`,
    resetTitle: (login) => `Password reset: ${login}`,
    resetShown: 'One-time password',
    resetWarning:
      'This password is shown only on this page (only an irreversible hash is stored). Pass it on to the user before you leave this page.',
    backToUsers: 'Back to the users',
    notSelfReset: 'Change your own password from “Change password”.',
  },
  staffAuditWords: {
    actions: {
      'observation.save': 'Figure saved',
      'assessment.save': 'Assessment saved',
      'review.submitted': 'Submitted',
      'review.approved': 'Approved',
      'review.returned': 'Returned',
      'comment.add': 'Comment',
      'comment.opinion': 'Committee opinion marked for publication',
      'collect.apply': 'Workbooks applied',
      'edition.publish': 'Published',
      'edition.withdraw': 'Edition withdrawn',
      'plan.import': 'Plan imported',
      'plan.replace': 'Plan replaced',
      'kpi.update': 'KPI settings',
      'kpi.revise': 'Target or baseline revised',
      'user.create': 'User added',
      'user.update': 'User edited',
      'user.disable': 'User disabled',
      'user.enable': 'User enabled',
      'user.change-password': 'Password changed',
      'user.reset-password': 'Password reset',
      'department.create': 'Department added',
    },
    otherAction: 'Other change',
    fields: {
      value: 'Actual',
      state: 'State',
      text: 'Assessment',
      comment: 'Comment',
      opinion: 'Committee opinion',
      reason: 'Reason',
      target: 'Target',
      baseline: 'Baseline',
      'revision-note': 'Reason for the revision',
      name: 'Name',
      unit: 'Unit',
      department: 'Department',
      role: 'Role',
      displayName: 'Name',
      disabled: 'Access',
      password: 'Password',
    },
    otherField: 'Other field',
    account: { active: 'Active', disabled: 'Disabled' },
    opinion: { published: 'Publish', internal: 'Do not publish' },
    provisional: (value) => `${value} (provisional)`,
    reviewWithComment: (state, comment) => `${state}: ${comment}`,
    collected: (figures, assessments, file) =>
      `${figures} ${figures === 1 ? 'figure' : 'figures'} and ${assessments} ${assessments === 1 ? 'assessment' : 'assessments'} (${file})`,
    kpiYear: (kpi, series, year) => `${kpi}${series ? ` (${series})` : ''}, ${year}`,
    year: (year) => `FY${year} (${formatFiscalYear(year)})`,
    edition: (year, n) => `${year}, edition ${n}`,
    removedKpi: '(a removed KPI)',
    unknownSubject: '—',
    passwordHidden: '(not shown)',
  },
};
