import { eq } from 'drizzle-orm';
import { ShinchokuError } from '../../core/errors.ts';
import type { Lang } from '../../core/language.ts';
import type { Db } from '../../store/connect.ts';
import { translationOf } from '../../store/plan-translation.ts';
import * as t from '../../store/schema.ts';

/** A plan's own texts as a mail gives them: the plan's English (`en:`) to an English reader where it has one. */
export interface MailPlanTexts {
  planTitle(lang: Lang): string;
  kpiName(lang: Lang, key: string, japanese: string): string;
}

export async function mailPlanTexts(db: Db, plan: string): Promise<MailPlanTexts> {
  const [row] = await db
    .select({ title: t.plans.title, translation: t.plans.translation })
    .from(t.plans)
    .where(eq(t.plans.slug, plan));
  if (!row) throw new ShinchokuError('plan-not-found', `No plan has the id ${plan}.`);
  const english = translationOf(row.translation);
  return {
    planTitle: (lang) => (lang === 'en' ? (english?.title ?? row.title) : row.title),
    kpiName: (lang, key, japanese) => (lang === 'en' ? (english?.kpis.get(key)?.name ?? japanese) : japanese),
  };
}
