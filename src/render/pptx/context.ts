import type PptxGenJS from 'pptxgenjs';
import type { Evaluation } from '../../core/evaluation.ts';
import type { Messages } from '../messages.ts';
import type { Deck } from '../slides.ts';

/** What every slide drawer needs: the presentation being written and the report it draws. */
export interface PptxContext {
  readonly pptx: PptxGenJS;
  readonly deck: Deck;
  readonly evaluation: Evaluation;
  readonly messages: Messages;
  /** The language tag for every run (ja-JP). */
  readonly lang: string;
  /** A staff draft: every slide is stamped with the draft mark (案). */
  readonly draft?: boolean;
}
