import type { BundleRefusal, FileRefusal } from '../../collect/bundle/problem.ts';
import type { ZipDamageDetail } from '../../collect/read/zip-directory.ts';

type OwnRefusal = Exclude<FileRefusal, { code: 'plan-file' } | { code: 'plan-master' }>;

const n = (count: number) => count.toLocaleString('ja-JP');
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)}MB`;
const partOf = (detail: ZipDamageDetail): string | null => ('part' in detail ? detail.part : null);

function jaBundleRefusal(refusal: BundleRefusal): string {
  switch (refusal.code) {
    case 'not-found':
    case 'not-zip':
      return 'zip ファイルではありません。計画ファイルを zip にまとめて選んでください。';
    case 'empty':
      return 'zip ファイルの中にファイルがありません。';
    case 'zip-too-large':
      return `zip ファイルが大きすぎます（${mb(refusal.limit)}まで）。何回かに分けて取り込んでください。`;
    case 'too-many-entries':
      return `zip ファイルの中のファイルが多すぎます（${n(refusal.limit)}個まで）。何回かに分けて取り込んでください。`;
    case 'expands-too-much':
      return `zip ファイルを展開すると大きすぎます（${mb(refusal.limit)}まで）。何回かに分けて取り込んでください。`;
    case 'zip-bomb':
      return `「${refusal.entry}」の圧縮率が異常に高いため（${n(refusal.ratio)}倍）、安全のため開きません。`;
    case 'encrypted':
      return `「${refusal.entry}」がパスワードで暗号化されています。暗号化しない zip にしてください。`;
    case 'unsafe-name':
      return `「${refusal.entry}」のように、フォルダーの外を指す名前や制御文字を含む名前があるため、安全のため開きません。`;
    case 'duplicate-name':
      return `同じ名前のファイル「${refusal.entry}」が二つあります。`;
    case 'too-deep':
      return `「${refusal.entry}」のフォルダーが深すぎます（${refusal.limit}階層まで）。`;
    case 'damaged': {
      const part = partOf(refusal.damage);
      return part
        ? `zip ファイルの中の「${part}」が壊れています。作り直してください。`
        : 'zip ファイルが壊れているか、途中で切れています。作り直してください。';
    }
  }
}

function jaFileRefusal(refusal: OwnRefusal): string {
  switch (refusal.code) {
    case 'too-large':
      return `ファイルが大きすぎます（${mb(refusal.limit)}まで）。`;
    case 'encoding':
      return 'UTF-8 ではありません。UTF-8 で保存し直してください（古い Excel のファイルは Shift_JIS のことがあります）。';
    case 'nested-zip':
      return 'zip の中の zip は開きません。中の計画ファイルを、直接 zip に入れてください。';
    case 'damaged':
      return 'ファイルが壊れています。';
    case 'no-id':
      return '計画IDがありません。plan: の下に id: を書いてください。';
    case 'plan-exists':
      return `計画ID「${refusal.slug}」の計画はもう取り込まれています。置き換えるときは「同じIDの計画を置き換える」を選んでください。`;
    case 'slug-elsewhere':
      return `計画ID「${refusal.slug}」はほかの団体の計画が使っています。別のIDにしてください。`;
    case 'duplicate-id':
      return `「${refusal.first}」と計画ID「${refusal.slug}」が同じです。同じ計画は一度だけ取り込みます。`;
    case 'municipality-unknown':
      return `団体コード${refusal.municipalityCode}の団体が登録されていません。`;
    case 'municipality-other':
      return `団体コード${refusal.municipalityCode}のほかの団体の計画です。自分の団体の計画だけを取り込めます。`;
    case 'municipality-mismatch':
      return `計画には団体コード${refusal.municipalityCode}と書かれていますが、取り込み先に指定された団体は${refusal.chosen}です。計画の団体コードを確かめてください。`;
  }
}

/** The words of the bulk import (a zip of many plans) and its job page. Japanese is the master. */
export const staffBulkImportJa = {
  staffBulkImport: {
    heading: '複数の計画をまとめて取り込む（zip）',
    intro:
      '計画ファイル（YAML・JSON）や Excel の計画表をまとめた zip ファイルを取り込みます。計画ごとに、全部を取り込むか、誤りがあれば何も取り込まないかのどちらかです。誤りのある計画があっても、ほかの計画は取り込みます。取込はサーバーで続けて行い、進み具合のページを表示します。',
    file: '計画の zip ファイル',
    fileHelp:
      '64MBまで、5,000ファイルまでの .zip ファイルです。団体コード（municipality_code）を書いた計画はその団体に、書いていない計画は自分の団体に取り込みます。',
    button: 'まとめて取り込む',
    running: '取込を実行中です。',
    runningLink: '進み具合を見る',
    jobTitle: '計画の一括取込',
    fileLine: (name: string): string => `ファイル：${name}`,
    progressLabel: '取り込んだファイル',
    progressText: (done: number, total: number): string =>
      `${n(total)}件中${n(done)}件（${total === 0 ? 100 : Math.floor((done / total) * 100)}%）`,
    refreshNote: 'このページは数秒ごとに自動で更新されます。ページを閉じても取込は続きます。',
    stopRefresh: '自動更新を止める',
    refreshStopped: '自動更新を止めています。',
    resumeRefresh: '最新の状態を表示して、自動更新を再開する',
    interrupted:
      '取込が途中で止まりました（サーバーの再起動など）。取り込めた計画はそのまま残っています。zip ファイルをもう一度取り込むと、残りを取り込めます（取込済みの計画は「取込済み」と表示されます）。',
    summary: (imported: number, replaced: number, refused: number): string =>
      `取込 ${n(imported)}件、置換 ${n(replaced)}件、取り込めなかったもの ${n(refused)}件`,
    doneHeading: '結果',
    refusedHeading: '取り込めなかったファイル',
    refusedNone: 'すべてのファイルを取り込みました。',
    importedHeading: (count: number): string => `取り込んだ計画（${n(count)}件）`,
    skippedHeading: (count: number): string =>
      `計画ファイルではないため読まなかったファイル（${n(count)}件）`,
    importedLine: (name: string, slug: string, replaced: boolean): string =>
      `${name} → 計画「${slug}」${replaced ? '（置換）' : ''}`,
    masterLineOf: (name: string, where: string, text: string): string => `${name}：${where}：${text}`,
    moreProblems: (count: number): string => `ほかに${n(count)}件の問題があります。`,
    backLink: '計画の取込に戻る',
    bundleRefusal: jaBundleRefusal,
    fileRefusal: jaFileRefusal,
    bulkRunningProblem: 'この団体の一括取込がすでに実行中です。終わってから、もう一度取り込んでください。',
  },
};

function enBundleRefusal(refusal: BundleRefusal): string {
  switch (refusal.code) {
    case 'not-found':
    case 'not-zip':
      return 'This is not a zip file. Put the plan files in a zip and choose it.';
    case 'empty':
      return 'The zip file holds no files.';
    case 'zip-too-large':
      return `The zip file is too large (at most ${mb(refusal.limit)}). Import it in several parts.`;
    case 'too-many-entries':
      return `The zip file holds too many files (at most ${refusal.limit.toLocaleString('en')}). Import it in several parts.`;
    case 'expands-too-much':
      return `The zip file expands too much (at most ${mb(refusal.limit)}). Import it in several parts.`;
    case 'zip-bomb':
      return `“${refusal.entry}” is compressed ${refusal.ratio.toLocaleString('en')} times, far beyond any plan file, so it is not opened.`;
    case 'encrypted':
      return `“${refusal.entry}” is encrypted with a password. Make the zip without encryption.`;
    case 'unsafe-name':
      return `A name such as “${refusal.entry}” leads outside the folder or holds control characters, so the zip is not opened.`;
    case 'duplicate-name':
      return `Two files are named “${refusal.entry}”.`;
    case 'too-deep':
      return `The folders of “${refusal.entry}” are too deep (at most ${refusal.limit}).`;
    case 'damaged': {
      const part = partOf(refusal.damage);
      return part
        ? `“${part}” in the zip file is damaged. Make the zip again.`
        : 'The zip file is damaged or cut short. Make it again.';
    }
  }
}

function enFileRefusal(refusal: OwnRefusal): string {
  switch (refusal.code) {
    case 'too-large':
      return `The file is too large (at most ${mb(refusal.limit)}).`;
    case 'encoding':
      return 'The file is not UTF-8. Save it as UTF-8 (files from older Japanese Excel are often Shift_JIS).';
    case 'nested-zip':
      return 'A zip inside the zip is not opened. Put its plan files in the zip itself.';
    case 'damaged':
      return 'The file is damaged.';
    case 'no-id':
      return 'The plan has no id. Add id: under plan:.';
    case 'plan-exists':
      return `A plan with the id “${refusal.slug}” is already imported. To replace it, choose “Replace the plan with the same id”.`;
    case 'slug-elsewhere':
      return `The id “${refusal.slug}” is another municipality's plan. Give the plan another id.`;
    case 'duplicate-id':
      return `“${refusal.first}” has the same id “${refusal.slug}”. Each plan is imported once.`;
    case 'municipality-unknown':
      return `No municipality with the code ${refusal.municipalityCode} is registered.`;
    case 'municipality-other':
      return `The plan belongs to another municipality (code ${refusal.municipalityCode}). You can import your own municipality's plans only.`;
    case 'municipality-mismatch':
      return `The plan states the municipality code ${refusal.municipalityCode}, but the import was made for ${refusal.chosen}. Check the plan's municipality code.`;
  }
}

export const staffBulkImportEn: typeof staffBulkImportJa = {
  staffBulkImport: {
    heading: 'Import many plans at once (zip)',
    intro:
      'Imports a zip file of plan files (YAML, JSON) and Excel plan masters. Each plan is imported whole, or not at all when it has errors; the other plans are imported all the same. The server carries on with the import and shows a progress page.',
    file: 'Zip file of plans',
    fileHelp:
      'A .zip file of at most 64 MB and 5,000 files. A plan stating its municipality code (municipality_code) goes to that municipality; the others to yours.',
    button: 'Import all',
    running: 'An import is running.',
    runningLink: 'See its progress',
    jobTitle: 'Bulk import of plans',
    fileLine: (name) => `File: ${name}`,
    progressLabel: 'Files imported',
    progressText: (done, total) =>
      `${done.toLocaleString('en')} of ${total.toLocaleString('en')} (${total === 0 ? 100 : Math.floor((done / total) * 100)}%)`,
    refreshNote: 'This page refreshes every few seconds. The import goes on if you close it.',
    stopRefresh: 'Stop refreshing',
    refreshStopped: 'Refreshing is stopped.',
    resumeRefresh: 'Show the latest state and refresh again',
    interrupted:
      'The import stopped before its end (the server restarted, say). The plans imported so far are kept. Import the zip file again for the rest (those already imported are listed as such).',
    summary: (imported, replaced, refused) =>
      `${imported.toLocaleString('en')} imported, ${replaced.toLocaleString('en')} replaced, ${refused.toLocaleString('en')} not imported`,
    doneHeading: 'Result',
    refusedHeading: 'Files not imported',
    refusedNone: 'Every file was imported.',
    importedHeading: (count) => `Plans imported (${count.toLocaleString('en')})`,
    skippedHeading: (count) => `Files not read, since they are no plan files (${count.toLocaleString('en')})`,
    importedLine: (name, slug, replaced) => `${name} → plan “${slug}”${replaced ? ' (replaced)' : ''}`,
    masterLineOf: (name, where, text) => `${name}: ${where}: ${text}`,
    moreProblems: (count) => `… and ${count.toLocaleString('en')} more problems.`,
    backLink: 'Back to importing plans',
    bundleRefusal: enBundleRefusal,
    fileRefusal: enFileRefusal,
    bulkRunningProblem:
      'A bulk import of this municipality is running already. Import again once it has finished.',
  },
};
