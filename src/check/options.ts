/**
 * Rule options, declared and checked without a schema library: the core runs in browsers,
 * and zod would be most of its bundle (454 KB of 609 KB minified). A rule declares each
 * option with its default; `readOptions` checks what users give and fills in the rest.
 */
import type { OptionProblem, Worded } from '../errors.js';

/** One option of a rule: its default, what it means, and what values it takes. */
export interface OptionSpec<T> {
  default: T;
  description: string;
  /** What a valid value is, for messages: `{en: 'a number ≥ 0', 'zh-CN': '不小于 0 的数'}`. */
  expected: Worded;
  /** True when `value` is valid. */
  accepts(value: unknown): boolean;
}

/** The options of a rule, by name. */
export type OptionSpecs = Record<string, OptionSpec<unknown>>;

/** The options object a rule's `check` receives, inferred from its specs. */
export type OptionsOf<S extends OptionSpecs> = { [K in keyof S]: S[K] extends OptionSpec<infer T> ? T : never };

/** A number option (`{integer: true}` for whole numbers), at least `min` when given. */
/* @__NO_SIDE_EFFECTS__ */
export function numberOption(
  defaultValue: number,
  description: string,
  { min, integer = false }: { min?: number; integer?: boolean } = {},
): OptionSpec<number> {
  const kind = integer ? 'a whole number' : 'a number';
  const zh = integer ? '整数' : '数';
  return {
    default: defaultValue,
    description,
    expected: {
      en: min === undefined ? kind : `${kind} ≥ ${min}`,
      'zh-CN': min === undefined ? zh : `不小于 ${min} 的${zh}`,
    },
    accepts: (value) =>
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (!integer || Number.isInteger(value)) &&
      (min === undefined || value >= min),
  };
}

/** A true/false option. */
/* @__NO_SIDE_EFFECTS__ */
export function booleanOption(defaultValue: boolean, description: string): OptionSpec<boolean> {
  return {
    default: defaultValue,
    description,
    expected: { en: 'true or false', 'zh-CN': 'true 或 false' },
    accepts: (v) => typeof v === 'boolean',
  };
}

/** An object of numbers with exactly the given keys: `{优: 90, 良: 80, 中: 60, 差: 0}`. */
/* @__NO_SIDE_EFFECTS__ */
export function numbersOption<K extends string>(
  defaultValue: Record<K, number>,
  description: string,
): OptionSpec<Record<K, number>> {
  const keys = Object.keys(defaultValue);
  return {
    default: defaultValue,
    description,
    expected: {
      en: `an object of numbers with exactly the keys ${keys.join(', ')}`,
      'zh-CN': `恰好以 ${keys.join('、')} 为键、以数为值的对象`,
    },
    accepts(value) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      const given = Object.keys(value);
      const numbers = value as Record<string, unknown>;
      return (
        given.length === keys.length && keys.every((k) => typeof numbers[k] === 'number' && Number.isFinite(numbers[k]))
      );
    },
  };
}

/**
 * Checks a rule's options as given (`undefined` or an object) against its specs: the
 * options with defaults filled in, or the problem, for a message (`rule-options` in errors.ts words it).
 *
 * @example
 *   readOptions({ tolerance: numberOption(1, 'points', { min: 0 }) }, { tolerance: 0.5 })
 *   // {ok: true, options: {tolerance: 0.5}}
 *   readOptions({ tolerance: numberOption(1, 'points', { min: 0 }) }, { tolerance: -1 })
 *   // {ok: false, problem: {kind: 'value', option: 'tolerance', expected: {en: 'a number ≥ 0', …}, got: -1}}
 */
export function readOptions<S extends OptionSpecs>(
  specs: S,
  given: unknown,
): { ok: true; options: OptionsOf<S> } | { ok: false; problem: OptionProblem } {
  const names = Object.keys(specs);
  if (given !== undefined && (typeof given !== 'object' || given === null || Array.isArray(given))) {
    return { ok: false, problem: { kind: 'not-object', got: given } };
  }
  const values = (given ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(values)) {
    if (!(key in specs)) return { ok: false, problem: { kind: 'unknown', option: key, known: names } };
  }
  const options: Record<string, unknown> = {};
  for (const name of names) {
    const spec = specs[name]!;
    const value = values[name];
    if (value === undefined) options[name] = spec.default;
    else if (spec.accepts(value)) options[name] = value;
    else return { ok: false, problem: { kind: 'value', option: name, expected: spec.expected, got: value } };
  }
  return { ok: true, options: options as OptionsOf<S> };
}
