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
  },
};
