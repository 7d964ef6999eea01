import type { Comparator } from './types.js';

/** What a target or completed-value cell says: `≤38万元/处` → `{comparator: '≤', value: 38, unit: '万元/处'}`. */
export interface Quantity {
  /** Stated by a sign or a word (`≥`, `不低于`, `以内`); `null` when the text states none. */
  comparator: Comparator | null;
  value: number | null;
  unit: string;
}

/** Cells that mean "nothing here" in a form. */
const EMPTY = new Set(['', '-', '--', '—', '——', '－', '/', '／', '\\', '无', '…', '...', 'N/A', 'n/a', '——/']);

/** True when a cell holds nothing or a dash/slash placeholder. */
export function isBlank(text: string): boolean {
  return EMPTY.has(compact(text));
}

/**
 * Full-width digits, signs and letters as ASCII, white space removed: the spelling the
 * number readers work on. Lengths change, so it is used on cell values, never for offsets.
 *
 * @example
 *   compact('≥ ９５ ％') // '≥95%'
 */
export function compact(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x3000) continue;
    if (code >= 0xff01 && code <= 0xff5e && code !== 0xff08 && code !== 0xff09 && code !== 0xff1a && code !== 0xff0c) {
      out += String.fromCharCode(code - 0xfee0);
    } else out += text[i];
  }
  return out;
}

const NUMBER = /^[-−+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;

/**
 * A cell read as one number: `1,500.00` → 1500, `94.00%` → 94, `10分` → 10; `null` for
 * anything else (text, ranges, placeholders).
 *
 * @example
 *   readNumber('９４．１７％') // 94.17
 */
export function readNumber(text: string): number | null {
  const s = compact(text);
  const m = NUMBER.exec(s);
  if (!m) return null;
  const rest = s.slice(m[0].length);
  if (rest !== '' && rest !== '%' && rest !== '分' && rest !== '‰') return null;
  const value = Number(m[0].replace(/,/g, '').replace('−', '-'));
  return Number.isFinite(value) ? value : null;
}

/** Leading comparators, longest first: signs and the words forms write for them. */
const PREFIX: ReadonlyArray<[string, Comparator]> = [
  ['大于或等于', '≥'],
  ['小于或等于', '≤'],
  ['大于等于', '≥'],
  ['小于等于', '≤'],
  ['不低于', '≥'],
  ['不少于', '≥'],
  ['不小于', '≥'],
  ['不高于', '≤'],
  ['不超过', '≤'],
  ['不多于', '≤'],
  ['不大于', '≤'],
  ['控制在', '≤'],
  ['至少', '≥'],
  ['>=', '≥'],
  ['<=', '≤'],
  ['≥', '≥'],
  ['≧', '≥'],
  ['≤', '≤'],
  ['≦', '≤'],
  ['大于', '≥'],
  ['高于', '≥'],
  ['超过', '≥'],
  ['小于', '≤'],
  ['低于', '≤'],
  ['>', '≥'],
  ['<', '≤'],
  ['=', '='],
  ['≈', '='],
];

/** Trailing words that state a comparator: `95%以上`, `2天以内`. */
const SUFFIX: ReadonlyArray<[string, Comparator]> = [
  ['及以上', '≥'],
  ['以上', '≥'],
  ['及以下', '≤'],
  ['以下', '≤'],
  ['以内', '≤'],
  ['之内', '≤'],
];

/**
 * Reads a target or completed value: a comparator (sign or word, before or after), a
 * number and its unit. Text with no number at its head is qualitative (`value: null`).
 *
 * @example
 *   readQuantity('控制在38万元/处以内') // {comparator: '≤', value: 38, unit: '万元/处'}
 */
export function readQuantity(text: string): Quantity {
  let s = compact(text);
  let comparator: Comparator | null = null;
  for (const [word, cmp] of PREFIX) {
    if (s.startsWith(word)) {
      comparator = cmp;
      s = s.slice(word.length);
      break;
    }
  }
  for (const [word, cmp] of SUFFIX) {
    if (s.endsWith(word)) {
      comparator ??= cmp;
      s = s.slice(0, -word.length);
      break;
    }
  }
  const m = NUMBER.exec(s);
  if (!m) return { comparator, value: null, unit: '' };
  const unit = s.slice(m[0].length);
  // `2023年12月底前`, `3个乡镇8个村`: a number inside a phrase is no quantity.
  if (/\d/.test(unit) || unit.length > 8) return { comparator, value: null, unit: '' };
  return { comparator, value: Number(m[0].replace(/,/g, '').replace('−', '-')), unit };
}

/** Multipliers a unit may start with (`万亩`, `万人次`). */
const SCALE: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, 百: 1e2 };

/**
 * Whether `actual` meets `target` (`≤38万元/处` is met by `37.6万元/处`): `null` when
 * either is qualitative and they differ, or when their units cannot be reconciled.
 *
 * @example
 *   achieved(readQuantity('≥2万亩'), readQuantity('20300亩')) // true
 */
export function achieved(target: Quantity, actual: Quantity, targetText = '', actualText = ''): boolean | null {
  if (target.value === null || actual.value === null) {
    if (target.value !== null || actual.value !== null) return null;
    return qualitative(compact(targetText), compact(actualText));
  }
  let t = target.value;
  let a = actual.value;
  if (target.unit && actual.unit && target.unit !== actual.unit) {
    const [tu, ts] = baseUnit(target.unit);
    const [au, as] = baseUnit(actual.unit);
    if (tu !== au) return null;
    t *= ts;
    a *= as;
  }
  const eps = 1e-9 * Math.max(1, Math.abs(t));
  switch (target.comparator ?? '=') {
    case '≥':
      return a >= t - eps;
    case '≤':
      return a <= t + eps;
    default:
      return Math.abs(a - t) <= eps;
  }
}

function baseUnit(unit: string): [string, number] {
  const unitChar = unit[0]!;
  const scale = SCALE[unitChar];
  if (scale !== undefined && unit.length > 1) return [unit.slice(1), scale];
  if (unit === '％') return ['%', 1];
  return [unit, 1];
}

/** Grade words in order, best first: a completed grade at or above the target's meets it. */
const GRADES: ReadonlyArray<readonly string[]> = [
  ['优', '良', '中', '差'],
  ['优秀', '良好', '合格', '不合格'],
  ['好', '较好', '一般', '较差', '差'],
];

function qualitative(target: string, actual: string): boolean | null {
  if (!target || !actual) return null;
  if (target === actual) return true;
  for (const scale of GRADES) {
    const t = scale.indexOf(target);
    const a = scale.indexOf(actual);
    if (t >= 0 && a >= 0) return a <= t;
  }
  return null;
}

/**
 * Reads a 指标性质 cell into a comparator: signs, `正向`/`反向`, `定性`; `null` for
 * `定量` or anything else (the value's own text decides then).
 *
 * @example
 *   natureComparator('反向指标') // '≤'
 */
export function natureComparator(text: string): Comparator | null {
  const s = compact(text);
  if (!s) return null;
  if (s.startsWith('定性')) return '定性';
  if (s.startsWith('正向')) return '≥';
  if (s.startsWith('反向')) return '≤';
  for (const [word, cmp] of PREFIX) if (s === word) return cmp;
  return null;
}
