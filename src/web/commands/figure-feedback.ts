/**
 * What the figure reader (core/figure-text.ts) said about a typed figure: its codes and parameters,
 * which the pages word in the reader's language (i18n/staff-words-*.ts). Nothing here reads the core's
 * English back: the codes are the contract.
 */
export type { FigureNote, FigureProblem as FigureRefusal } from '../../core/figure-text.ts';
export type { FigureConfirm } from '../../core/figure-checks.ts';
