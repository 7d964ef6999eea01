import { charSet, inSet } from '../text/chars.js';

/**
 * Template instructions and tokens left in a report by whoever filled it in: the
 * official forms' `（200字以内）`, `结合自评情况，说明…`, and unfilled tokens such as
 * `XX`, `20xx`, `□`. Each pattern is bounded, so the scan stays linear. Redaction
 * masks (`****`) are not template text: they replace real content on purpose.
 */
const PATTERNS: RegExp[] = [
  // An instruction sentence with its length limit: 结合自评情况，说明…（200字以内）
  /(?:结合|对照|针对|请|根据)[^\n|]{0,80}?[（(]\s*(?:限\s*)?\d{2,4}\s*字(?:以内|以下|左右)?\s*[)）]/g,
  // The length limit alone.
  /[（(]\s*(?:限\s*)?\d{2,4}\s*字(?:以内|以下|左右)?\s*[)）]/g,
  // An instruction with no limit: 结合自评情况，说明项目自评总分… up to the sentence end.
  /结合自评情况[，,]\s*(?:说明|分析)[^。\n|]{0,80}[。]?/g,
  // Unfilled tokens.
  /20[xX×]{2}(?=\s*年)|(?<![A-Za-z])(?:[Xx]{2,4}|×{2,4})(?![A-Za-z])|□+/g,
];

/**
 * A character each pattern needs (`结` of 结合自评情况, the tokens; `字` of a length limit,
 * see {@link triggered}): most paragraphs have none and skip the regexes. Not the brackets,
 * which nearly every paragraph of figures has.
 */
const TRIGGERS = charSet('结XxＸ×□');

/**
 * Whether `[from, to)` holds a character some pattern needs: a trigger, or `字` after an ASCII
 * digit (a length limit, `200字`, is digits and then `字`). `字` alone set the regexes off on
 * every paragraph that had the word (parse of 50,000 lines of `字`, CPU: 72 → 67 ms).
 */
function triggered(input: string, from: number, to: number): boolean {
  let digit = false;
  for (let i = from; i < to; i++) {
    const code = input.charCodeAt(i);
    if (inSet(TRIGGERS, code) || (digit && code === 0x5b57) /* 字 */) return true;
    if (code >= 48 && code <= 57) digit = true;
  }
  return false;
}

const NONE: ReadonlyArray<readonly [number, number]> = Object.freeze([]);

/**
 * Spans `[start, end)` of template text in `input` between `from` and `to` (offsets into
 * `input`), sorted and not overlapping.
 *
 * @example
 *   findTemplateText('说明情况（200字以内）') // [[4, 12]]
 */
export function findTemplateText(input: string, from = 0, to = input.length): ReadonlyArray<readonly [number, number]> {
  if (!triggered(input, from, to)) return NONE;
  const text = input.slice(from, to);
  const offset = from;
  const found: Array<[number, number]> = [];
  for (const pattern of PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      found.push([offset + m.index, offset + m.index + m[0].length]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Array<[number, number]> = [];
  for (const span of found) {
    const last = out[out.length - 1];
    if (last && span[0] < last[1]) continue;
    out.push(span);
  }
  return out;
}
