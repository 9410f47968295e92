import { NOTIFICATION_CATEGORIES, type NotificationCategory, type NotificationKind, type NotificationParams } from '@commonplan/domain';
import { categoryName } from './layout';
import { type Language, type MessageText, say } from './message';
import { TEMPLATES } from './templates';

export interface DigestItem {
  kind: NotificationKind;
  category: NotificationCategory;
  workspace: string;
  params: Record<string, unknown>;
  link: string;
}

/** At most this many lines per category; the rest is counted. */
const LINES_PER_CATEGORY = 20;

/**
 * A digest: what happened since the last one, grouped by category with counts, each thing as its e-mail's subject
 * with its link. `absolute` turns a web app path into a link.
 */
export function digestMessage(mode: 'daily' | 'weekly', items: DigestItem[], language: Language, absolute: (path: string) => string): MessageText {
  const paragraphs: string[] = [
    mode === 'daily'
      ? say(language, `Co wydarzyło się od ostatniego podsumowania (${items.length}):`, `What happened since the last digest (${items.length}):`)
      : say(language, `Co wydarzyło się w minionym tygodniu (${items.length}):`, `What happened in the past week (${items.length}):`),
  ];
  for (const category of NOTIFICATION_CATEGORIES) {
    const inCategory = items.filter((item) => item.category === category);
    if (inCategory.length === 0) continue;
    const lines = inCategory.slice(0, LINES_PER_CATEGORY).map((item) => {
      const text = (TEMPLATES[item.kind] as (p: NotificationParams[NotificationKind], l: Language) => MessageText)(item.params as never, language);
      return `- ${text.subject.replace(/^\[Commonplan\] /, '')} (${item.workspace})\n  ${absolute(item.link)}`;
    });
    const more = inCategory.length - LINES_PER_CATEGORY;
    if (more > 0) lines.push(say(language, `- i ${more} więcej`, `- and ${more} more`));
    const name = categoryName(category, language);
    paragraphs.push(`${name.charAt(0).toUpperCase()}${name.slice(1)} (${inCategory.length}):\n${lines.join('\n')}`);
  }
  const count = items.length;
  return {
    subject:
      mode === 'daily'
        ? say(language, `Podsumowanie dnia: ${count} ${plural(count, 'nowa sprawa', 'nowe sprawy', 'nowych spraw')}`, `Daily digest: ${count} new ${count === 1 ? 'item' : 'items'}`)
        : say(language, `Podsumowanie tygodnia: ${count} ${plural(count, 'nowa sprawa', 'nowe sprawy', 'nowych spraw')}`, `Weekly digest: ${count} new ${count === 1 ? 'item' : 'items'}`),
    paragraphs,
  };
}

/** Polish plural forms: 1 sprawa, 2–4 sprawy (not 12–14), 5+ spraw. */
function plural(n: number, one: string, few: string, many: string): string {
  if (n === 1) return one;
  const last = n % 10;
  const lastTwo = n % 100;
  return last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? few : many;
}
