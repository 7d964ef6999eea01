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
  // `10月底前` is a date by which, not ten of a unit `月底前`.
  if (readDate(text)?.deadline) return { comparator: '≤', value: null, unit: '' };
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

/**
 * Words that make a target an upper bound when it states no sign: a cost, or a limit. 以内 and 以下 say so
 * only at the end (`费用控制在预算以内`); inside a name they bound its scope (`5公里以内村庄通达率`).
 */
const AT_MOST = /成本|控制|不超过|(?:以内|以下)$/;

/**
 * The comparator a target with no sign means: at most (`≤`) for a cost (成本指标) or a
 * limit (a name or target saying 控制 or 不超过, or ending 以内 or 以下), at least (`≥`)
 * otherwise — a form's bare `30公里` is a floor, and beating it meets it.
 *
 * @example
 *   impliedComparator('成本指标', '每公里造价', '38万元') // '≤'
 *   impliedComparator('效益指标', '5公里以内村庄通达率', '95%') // '≥'
 */
export function impliedComparator(...labels: ReadonlyArray<string | null>): '≥' | '≤' {
  return labels.some((label) => label && AT_MOST.test(compact(label))) ? '≤' : '≥';
}

/** A date as a form writes it (`10月底前`, `2023年9月20日`): what it names, and whether it is a deadline. */
export interface FormDate {
  /** Which parts it writes (`ym`, `md`, `m`, …): dates compare only with dates of the same form. */
  form: string;
  /** The parts as one number, year first, for ordering. */
  key: number;
  /** Ends in 前, 以前, 之前 (`底前` included): a date by which. */
  deadline: boolean;
  /** Says 底 (`10月底`, `2023年底`): the whole of its last part, to its end. */
  end: boolean;
}

/** `2023年`, `10月`, `9月20日`, `10月底`, each perhaps ending `前`, `以前`, `之前`; `底` ends a year or a month. */
const DATE = /^(?:(\d{4})年)?(?:(\d{1,2})月)?(?:(\d{1,2})[日号]|(底))?(以前|之前|前)?$/;

/**
 * Reads a date a form writes as a target or a completed value (`10月底前`, `9月底`,
 * `2023年6月30日以前`); `null` for anything else.
 *
 * @example
 *   readDate('10月底前') // {form: 'm', key: 1000, deadline: true, end: true}
 */
export function readDate(text: string): FormDate | null {
  const m = DATE.exec(compact(text));
  // A day needs its month: `20日` alone, or `2023年20日`, is no date a target states.
  if (!m || (m[2] === undefined && (m[1] === undefined || m[3] !== undefined))) return null;
  let form = '';
  let key = 0;
  for (let i = 1; i <= 3; i++) {
    key = key * 100 + Number(m[i] ?? 0);
    if (m[i]) form += 'ymd'[i - 1];
  }
  return { form, key, deadline: m[5] !== undefined, end: m[4] !== undefined };
}

/** The year, month and day parts of a {@link FormDate}'s key (0 for a part it does not write). */
const parts = (date: FormDate): number[] => [
  Math.floor(date.key / 10000),
  Math.floor(date.key / 100) % 100,
  date.key % 100,
];

/**
 * Whether a date done meets a deadline, compared on the parts both write (`9月20日` against `10月底前`: the month).
 * Both must start alike (a year on one side only could be another year: `2023年9月20日` against `10月底前` is not
 * compared). An earlier date meets it and a later one misses it. Within the deadline's own month or year, a date
 * meets a deadline that says 底 (`10月25日` against `10月底前`), and the same day one by that day; it is left open
 * (`null`) when the deadline is finer (`10月` against `10月20日前`) or says only 前 (`10月` or `10月25日` against
 * `10月前`, which may mean before October).
 */
function meetsDeadline(done: FormDate, deadline: FormDate): boolean | null {
  if (done.form[0] !== deadline.form[0]) return null;
  const a = parts(done);
  const b = parts(deadline);
  const first = 'ymd'.indexOf(deadline.form[0]!);
  const last = first + Math.min(done.form.length, deadline.form.length);
  for (let i = first; i < last; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  // The same day meets a deadline by that day; the same month or year one that says 底 (`10月底前`), and is
  // open against a bare 前 (`10月` against `10月前`, which may mean before October).
  if (deadline.end || deadline.form.endsWith('d')) return done.form.length >= deadline.form.length ? true : null;
  return null;
}

/** Multipliers a unit may start with (`万亩`, `万人次`). */
const SCALE: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, 百: 1e2 };

/**
 * Whether `actual` meets `target` (`≤38万元/处` is met by `37.6万元/处`; a target with no
 * sign is a floor; a deadline `10月底前` is met by `9月底` or `9月20日`): `null` when either is
 * qualitative and they differ, when their units cannot be reconciled, or when a deadline
 * and the date done cannot be compared (`2023年9月20日` against `10月底前`).
 *
 * @example
 *   achieved(readQuantity('≥2万亩'), readQuantity('20300亩')) // true
 */
export function achieved(target: Quantity, actual: Quantity, targetText = '', actualText = ''): boolean | null {
  const deadline = readDate(targetText);
  if (deadline?.deadline) {
    // A deadline is met by a date no later (`10月底前` by `9月底` or `9月20日`).
    const done = readDate(actualText);
    return done ? meetsDeadline(done, deadline) : null;
  }
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
  // No sign: at least (a bare `30公里` is beaten by 32); callers infer `≤` for costs and limits.
  switch (target.comparator ?? '≥') {
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
