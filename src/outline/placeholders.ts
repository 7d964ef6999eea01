import { charSet, inSet, isInvisible, isSpace, squash } from '../text/chars.js';
import type { PlaceholderKind } from '../tree/schema.js';

/**
 * What authors write instead of content. Compared after removing white space,
 * brackets and closing punctuation, so `（略）`, `无。` and ` 暂 无 ` all match.
 * Sources: ../shared/research/templates.md §3.
 */
const LEXICON: Record<string, Exclude<PlaceholderKind, 'template' | 'empty'>> = {
  保密: 'withheld',
  涉密: 'withheld',
  涉密不予公开: 'withheld',
  保密不予公开: 'withheld',
  不予公开: 'withheld',
  暂不公开: 'withheld',
  涉密内容不予公开: 'withheld',
  无: 'none',
  暂无: 'none',
  無: 'none',
  暫無: 'none',
  无此项: 'none',
  此项无: 'none',
  本项无: 'none',
  没有: 'none',
  不涉及: 'none',
  不适用: 'none',
  无相关内容: 'none',
  无相关情况: 'none',
  无需要说明的问题: 'none',
  无其他需要说明的问题: 'none',
  无其他需要说明的情况: 'none',
  空白: 'none',
  '/': 'none',
  '／': 'none',
  '—': 'none',
  '——': 'none',
  '-': 'none',
  '--': 'none',
  '－': 'none',
  略: 'omitted',
  此处略: 'omitted',
  以下略: 'omitted',
};

const MAX_PLACEHOLDER = 16;
/** The punctuation around a placeholder's words (`（略）`, `无。`), stripped before they are looked up. */
const PUNCTUATION = '（()）【】[]。.，,；;：:！!、';
const STRIP = new RegExp(`[${PUNCTUATION.replace(/[[\]]/g, '\\$&')}]`, 'g');

/**
 * Every character a placeholder may hold besides white space and the invisible characters
 * `squash` drops: its words' and the punctuation around them. A short line with any other
 * (`项目已完成`) is content, known without squashing it and looking it up twice (parse of our
 * fixtures, CPU: 1.95 → 1.84 ms).
 */
const PLACEHOLDER_CHARS = charSet(Object.keys(LEXICON).join('') + PUNCTUATION);

/**
 * The kind of placeholder `text` is, or `undefined` when it is real content (a sentence
 * such as `无重大问题。`, however short).
 *
 * @example
 *   placeholderKind('保密') // 'withheld'
 *   placeholderKind('（略）') // 'omitted'
 *   placeholderKind('无重大问题。') // undefined
 */
export function placeholderKind(text: string): Exclude<PlaceholderKind, 'template' | 'empty'> | undefined {
  // Real content is long, or has a character no placeholder has: count and look before building anything.
  let visible = 0;
  for (let i = 0; i < text.length && visible <= MAX_PLACEHOLDER; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) continue;
    if (!inSet(PLACEHOLDER_CHARS, code) && !isInvisible(code)) return undefined;
    visible++;
  }
  if (visible > MAX_PLACEHOLDER) return undefined;
  const bare = squash(text);
  // Own keys only: a body reading `toString` is not Object.prototype's.
  const kind = (key: string) => (Object.hasOwn(LEXICON, key) ? LEXICON[key] : undefined);
  return kind(bare) ?? kind(bare.replace(STRIP, ''));
}
