import { cjkOrdinal } from '../text/numerals.js';
import type { MarkerStyle } from '../tree/schema.js';

/**
 * The rules whose messages carry a mechanical fix: `place` is the span to replace (UTF-16
 * offsets into the checked text), `actual` the text found there and `expected[0]` its
 * replacement. Other rules' `expected` values are hints for a person (`≤ 100%`, a
 * section title), never applied.
 */
const FIXABLE = new Set(['numbering-style', 'numbering-sequence', 'no-template-text']);

/** What {@link applyFixes} reads of a message: a vfile message or the same fields as plain data. */
export interface FixableMessage {
  ruleId?: string | undefined;
  place?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | object | undefined;
  actual?: string | undefined;
  expected?: string[] | undefined;
}

/** One replacement: `text.slice(start, end)` becomes `replacement`. */
export interface Fix {
  start: number;
  end: number;
  replacement: string;
}

/**
 * The fix a message carries, or `undefined`: only messages of the fixable rules with a
 * span, the text found there and one replacement.
 *
 * @example
 *   const [message] = check('一、甲\n乙\n2、丙\n丁\n三、戊\n己', { rules: { 'numbering-sequence': 'off' } });
 *   fixOf(message) // {start: 6, end: 8, replacement: '二、'}
 */
export function fixOf(message: FixableMessage): Fix | undefined {
  if (!message.ruleId || !FIXABLE.has(message.ruleId)) return undefined;
  const place = message.place;
  if (!place || !('start' in place)) return undefined;
  const start = place.start.offset;
  const end = place.end.offset;
  const replacement = message.expected?.[0];
  if (start === undefined || end === undefined || replacement === undefined || message.actual === undefined)
    return undefined;
  return { start, end, replacement };
}

/**
 * Applies the fixes the messages carry to `text`, the text they were found in. A fix
 * is applied only where the text still holds what the rule saw (`actual`), and never
 * when it overlaps one applied before it (the next check finds what is left, as ESLint's
 * passes do). Every character outside the fixed spans is kept as it was. Browser-safe:
 * the CLI's `--fix` and the web page use it alike.
 *
 * @example
 *   const text = '一、甲\n乙\n2、丙\n丁\n三、戊\n己';
 *   applyFixes(text, check(text)).text // '一、甲\n乙\n二、丙\n丁\n三、戊\n己'
 */
export function applyFixes<M extends FixableMessage>(
  text: string,
  messages: readonly M[],
): { text: string; applied: M[] } {
  const fixes: Array<Fix & { message: M }> = [];
  for (const message of messages) {
    const fix = fixOf(message);
    if (fix && fix.end <= text.length && text.slice(fix.start, fix.end) === message.actual)
      fixes.push({ ...fix, message });
  }
  fixes.sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  const applied: M[] = [];
  let at = 0;
  for (const fix of fixes) {
    // Touching spans are fine; overlapping ones, or a second fix at the same point, wait.
    if (fix.start < at || (applied.length > 0 && fix.start === at && fix.start === fix.end)) continue;
    parts.push(text.slice(at, fix.start), fix.replacement);
    at = fix.end;
    applied.push(fix.message);
  }
  if (applied.length === 0) return { text, applied };
  parts.push(text.slice(at));
  return { text: parts.join(''), applied };
}

const FULL_WIDTH_ZERO = 0xff10;

/**
 * The marker `model` written with another ordinal, keeping everything else of its shape:
 * brackets, separator, full- or half-width digits. `undefined` for shapes that cannot be
 * renumbered on their own (decimal `1.2`, `一是`, unnumbered headings, ordinals past ⑳).
 *
 * @example
 *   renumber('一、', 'cjk', 2) // '二、'
 *   renumber('（1）', 'arabic-paren', 12) // '（12）'
 */
export function renumber(model: string, style: MarkerStyle, ordinal: number): string | undefined {
  if (ordinal < 1 || ordinal > 999) return undefined;
  switch (style) {
    case 'circled':
      return ordinal <= 20 ? String.fromCodePoint(0x2460 + ordinal - 1) : undefined;
    case 'cjk':
    case 'cjk-paren':
    case 'part': {
      if (/^[\u3220-\u3229]$/.test(model))
        return ordinal <= 10 ? String.fromCodePoint(0x3220 + ordinal - 1) : undefined;
      const m = /^([（(第]?)([〇零一二三四五六七八九十拾百]+)(.*)$/su.exec(model);
      return m ? m[1]! + cjkOrdinal(ordinal) + m[3]! : undefined;
    }
    case 'arabic':
    case 'arabic-paren': {
      const m = /^([（(]?)([0-9]+|[０-９]+)(.*)$/su.exec(model);
      if (!m) return undefined;
      const wide = m[2]!.charCodeAt(0) >= FULL_WIDTH_ZERO;
      const digits = wide
        ? [...String(ordinal)].map((d) => String.fromCharCode(FULL_WIDTH_ZERO + Number(d))).join('')
        : String(ordinal);
      return m[1]! + digits + m[3]!;
    }
    default:
      return undefined;
  }
}
