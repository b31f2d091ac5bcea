import type { Lang } from '../core/language.ts';

/**
 * The faces the PowerPoint and Excel files name, chosen from those every Windows PC of a municipal
 * office has: BIZ UDPゴシック (Morisawa's universal-design gothic, in Windows since the October 2018
 * update), with Segoe UI for the English edition's Latin text. An Office file names one face per script
 * and substitutes a face it lacks on its own, so the fallbacks are Office's: on Windows the theme's
 * Japanese face (游ゴシック) and font linking to メイリオ; on Linux LibreOffice uses the same BIZ UDPゴシック
 * (Debian's fonts-morisawa-bizud-gothic, which scripts/setup.sh installs), or Noto Sans CJK JP.
 */
export interface OfficeFonts {
  /** The face of Latin letters and digits. */
  readonly latin: string;
  /** The face of Japanese text, in either edition (an English edition keeps untranslated plan text). */
  readonly eastAsian: string;
}

const JAPANESE_FACE = 'BIZ UDPゴシック';

export const OFFICE_FONTS: Readonly<Record<Lang, OfficeFonts>> = {
  ja: { latin: JAPANESE_FACE, eastAsian: JAPANESE_FACE },
  en: { latin: 'Segoe UI', eastAsian: JAPANESE_FACE },
};
