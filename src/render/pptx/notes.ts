import type { Messages } from '../messages.ts';

/**
 * A line of the presenter's notes: what a figure is and how it was calculated, so that a committee
 * member's question is answered from the slide itself.
 */
export function noteLine(messages: Messages, subject: string, label: string | null, formula: string): string {
  return messages.lang === 'ja'
    ? `${subject}${label ? `（${label}）` : ''}：${formula}`
    : `${subject}${label ? ` (${label})` : ''}: ${formula}`;
}
