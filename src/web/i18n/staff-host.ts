/**
 * The host administrator's pages: the municipalities an installation serves, each one's first
 * administrator, and disabling or resetting a municipality's administrators.
 */
export const staffHostJa = {
  staffHost: {
    nav: '団体の管理',
    title: '団体の管理',
    intro:
      'このサーバーで計画を管理する団体（市区町村）と、その管理者です。ホスト管理者は、どの団体の計画・数値・審査も見ることはできません。',
    listCaption: '登録されている団体',
    columns: {
      code: '団体コード',
      name: '団体名',
      prefecture: '都道府県',
      administrators: '管理者の数',
    },
    noCode: '（未設定）',
    unnamed: '（名称未設定）',
    createHeading: '団体の追加',
    createIntro:
      '団体と、その最初の管理者（企画担当）を追加します。管理者のパスワードは自動で作成され、次の画面に一度だけ表示されます。管理者は最初のログインで自分のパスワードに変更します。',
    code: '全国地方公共団体コード',
    codeHelp: '検査数字を含む6桁（例：北本市は 112330）。5桁で入力すると検査数字を補います。',
    name: '団体名',
    login: '管理者のログインID',
    displayName: '管理者の氏名',
    createButton: '団体と管理者を追加',
    createdTitle: (name: string): string => `団体を追加しました：${name}`,
    createdAdmin: (login: string): string => `管理者「${login}」の一度だけ使えるパスワード`,
    municipalityTitle: (name: string): string => `団体：${name}`,
    administratorsCaption: '管理者',
    noAdministrators: 'この団体には管理者がいません。',
    columnsAdmin: { login: 'ログインID', name: '氏名', status: '状態', action: '操作' },
    active: '有効',
    disabled: '無効',
    enableButton: (login: string): string => `${login}を有効にする`,
    disableButton: (login: string): string => `${login}を無効にする`,
    resetButton: (login: string): string => `${login}のパスワードを再設定`,
    changed: '管理者の状態を変更しました。',
    backToList: '団体の一覧へ戻る',
    openLink: (name: string): string => `${name}の管理者`,
    footer:
      'ホスト管理者用のページです。団体の計画・数値・審査は表示しません。団体の管理と、その操作の履歴だけを扱います。',
    incomplete: (count: number): string =>
      `名称が未設定、または有効な管理者がいない団体が${count}団体あります。団体名のリンクから、名称と管理者を設定してください。`,
    nameHeading: '団体名と団体コード',
    nameIntro:
      '団体名はいつでも変更できます。団体コードは、まだない場合に一度だけ設定できます（公開ページの住所にもなるため、設定後は変更できません）。',
    codeSet: (code: string): string => `団体コード：${code}（変更できません）`,
    codeHelpUnset:
      '検査数字を含む6桁（例：北本市は 112330）。5桁で入力すると検査数字を補います。空欄のままにすると、団体コードは未設定のままです。',
    nameButton: '団体名と団体コードを保存',
    named: '団体名と団体コードを保存しました。',
    unchanged: '変更はありませんでした。',
    addAdminHeading: '管理者の追加',
    addAdminIntro:
      'この団体に管理者（企画担当）を追加します。パスワードは自動で作成され、次の画面に一度だけ表示されます。管理者は最初のログインで自分のパスワードに変更します。',
    addAdminButton: '管理者を追加',
    addedAdminTitle: (login: string, name: string): string => `管理者を追加しました：${login}（${name}）`,
    logNav: 'ホストの操作履歴',
    logTitle: 'ホスト管理者とコマンドの操作履歴',
    logIntro:
      'ホスト管理者の画面とコマンド（shinchoku municipality・host）で行った、団体と管理者の追加・変更を新しい順に表示します（最大200件）。各団体の「利用者と担当課の変更履歴」にも同じ記録が表示されます。',
    logMunicipality: '団体',
    logEmpty: '記録はありません。',
    municipalityLogHeading: 'この団体に対するホスト管理者とコマンドの操作',
    hostAccount: '（ホスト管理者のアカウント）',
    logLink: 'すべての操作履歴を見る',
  },
};

export type StaffHostMessages = typeof staffHostJa;

export const staffHostEn: StaffHostMessages = {
  staffHost: {
    nav: 'Municipalities',
    title: 'Municipalities',
    intro:
      'The municipalities whose plans this server keeps, and their administrators. A host administrator sees no municipality’s plans, figures or reviews.',
    listCaption: 'Registered municipalities',
    columns: {
      code: 'Local government code',
      name: 'Name',
      prefecture: 'Prefecture',
      administrators: 'Administrators',
    },
    noCode: '(not set)',
    unnamed: '(no name yet)',
    createHeading: 'Add a municipality',
    createIntro:
      'Adds a municipality and its first administrator (planning office). The administrator’s password is generated and shown once on the next page; they replace it at their first sign-in.',
    code: 'Local government code',
    codeHelp:
      'Six digits with the check digit (112330 for Kitamoto). Five digits get their check digit added.',
    name: 'Name of the municipality',
    login: 'Administrator’s login',
    displayName: 'Administrator’s name',
    createButton: 'Add the municipality and its administrator',
    createdTitle: (name) => `Municipality added: ${name}`,
    createdAdmin: (login) => `One-time password of ${login}`,
    municipalityTitle: (name) => `Municipality: ${name}`,
    administratorsCaption: 'Administrators',
    noAdministrators: 'This municipality has no administrator.',
    columnsAdmin: { login: 'Login', name: 'Name', status: 'Status', action: 'Action' },
    active: 'Active',
    disabled: 'Disabled',
    enableButton: (login) => `Enable ${login}`,
    disableButton: (login) => `Disable ${login}`,
    resetButton: (login) => `Reset the password of ${login}`,
    changed: 'The administrator’s status was changed.',
    backToList: 'Back to the municipalities',
    openLink: (name) => `Administrators of ${name}`,
    footer:
      'These are the host administrator’s pages. They show no municipality’s plans, figures or reviews: only the municipalities, their administrators and what was done to them.',
    incomplete: (count) =>
      `${count} ${count === 1 ? 'municipality has' : 'municipalities have'} no name or no active administrator. Open each by its name to set them.`,
    nameHeading: 'Name and code',
    nameIntro:
      'The name can be changed at any time. The code can be set once, while the municipality has none (it is also the address of its public pages, so it does not change afterwards).',
    codeSet: (code) => `Local government code: ${code} (cannot be changed)`,
    codeHelpUnset:
      'Six digits with the check digit (112330 for Kitamoto). Five digits get their check digit added. Left empty, the municipality stays without a code.',
    nameButton: 'Save the name and code',
    named: 'The name and code were saved.',
    unchanged: 'Nothing was changed.',
    addAdminHeading: 'Add an administrator',
    addAdminIntro:
      'Adds an administrator (planning office) to this municipality. The password is generated and shown once on the next page; they replace it at their first sign-in.',
    addAdminButton: 'Add the administrator',
    addedAdminTitle: (login, name) => `Administrator added: ${login} (${name})`,
    logNav: 'Host log',
    logTitle: 'What host administrators and commands did',
    logIntro:
      'Municipalities and administrators added or changed on the host pages and by the commands (shinchoku municipality, host), newest first (at most 200). Each municipality’s own log of users and departments shows the same entries.',
    logMunicipality: 'Municipality',
    logEmpty: 'Nothing recorded yet.',
    municipalityLogHeading: 'What host administrators and commands did to this municipality',
    hostAccount: '(a host administrator’s account)',
    logLink: 'See the whole log',
  },
};
