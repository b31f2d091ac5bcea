import type { Lang } from '../../core/language.ts';
import { needsTranslation } from '../../core/translation.ts';
import { JAPANESE_ONLY } from '../../render/plan-text.ts';

/**
 * One of the plan's own texts on a page that has it apart from the evaluation (the plan list): in
 * Japanese as written; in English the plan's English, or the Japanese marked as Japanese (lang="ja", so
 * a screen reader reads it as Japanese) and (Japanese only).
 */
export function PlanText(props: { lang: Lang; ja: string; en: string | null | undefined }) {
  if (props.lang === 'ja') return <>{props.ja}</>;
  if (props.en) return <>{props.en}</>;
  if (!needsTranslation(props.ja)) return <>{props.ja}</>;
  return (
    <>
      <span lang="ja">{props.ja}</span> {JAPANESE_ONLY}
    </>
  );
}
