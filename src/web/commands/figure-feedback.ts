/**
 * What the figure reader (core/figure-text.ts) said about a typed figure, as data the UI can word in
 * either language. The core words its notes in English for the CLI; these patterns follow those words,
 * and anything they do not recognise is shown as the core wrote it.
 */
export type FigureNote =
  | { readonly kind: 'folded' }
  | { readonly kind: 'minus'; readonly mark: string }
  | { readonly kind: 'unit'; readonly unit: string }
  | { readonly kind: 'separators' }
  | { readonly kind: 'other'; readonly text: string };

export type FigureRefusal =
  | { readonly kind: 'commas' }
  | { readonly kind: 'suffix'; readonly suffix: string; readonly unit: string | null }
  | { readonly kind: 'not-number' }
  | { readonly kind: 'integer-digits'; readonly max: number }
  | { readonly kind: 'decimals'; readonly max: number }
  | { readonly kind: 'other'; readonly text: string };

export function figureNoteOf(note: string): FigureNote {
  if (note === 'full-width characters or inner spaces were folded') return { kind: 'folded' };
  if (note === 'thousands separators were removed') return { kind: 'separators' };
  const minus = /^(.) was read as a minus sign$/u.exec(note);
  if (minus?.[1]) return { kind: 'minus', mark: minus[1] };
  const unit = /^the unit (.+) was removed$/u.exec(note);
  if (unit?.[1]) return { kind: 'unit', unit: unit[1] };
  return { kind: 'other', text: note };
}

export function figureRefusalOf(message: string, unit: string | null): FigureRefusal {
  if (message.includes('has commas that are not thousands separators')) return { kind: 'commas' };
  const suffix = /ends in 「(.+?)」, but/u.exec(message);
  if (suffix?.[1]) return { kind: 'suffix', suffix: suffix[1], unit };
  if (message.includes('is not a number')) return { kind: 'not-number' };
  const digits = /has more than (\d+) digits before the point/.exec(message);
  if (digits?.[1]) return { kind: 'integer-digits', max: Number(digits[1]) };
  const decimals = /has more than (\d+) decimals/.exec(message);
  if (decimals?.[1]) return { kind: 'decimals', max: Number(decimals[1]) };
  return { kind: 'other', text: message };
}
