/**
 * Rule options, declared and checked without a schema library: the core runs in browsers,
 * and zod would be most of its bundle (454 KB of 609 KB minified). A rule declares each
 * option with its default; `readOptions` checks what users give and fills in the rest.
 */

/** One option of a rule: its default, what it means, and what values it takes. */
export interface OptionSpec<T> {
  default: T;
  description: string;
  /** What a valid value is, for messages: `a number ≥ 0`. */
  expected: string;
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
  return {
    default: defaultValue,
    description,
    expected: min === undefined ? kind : `${kind} ≥ ${min}`,
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
  return { default: defaultValue, description, expected: 'true or false', accepts: (v) => typeof v === 'boolean' };
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
    expected: `an object of numbers with exactly the keys ${keys.join(', ')}`,
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
 * options with defaults filled in, or the problem, worded for a message.
 *
 * @example
 *   readOptions({ tolerance: numberOption(1, 'points', { min: 0 }) }, { tolerance: 0.5 })
 *   // {ok: true, options: {tolerance: 0.5}}
 *   readOptions({ tolerance: numberOption(1, 'points', { min: 0 }) }, { tolerance: -1 })
 *   // {ok: false, problem: '"tolerance" must be a number ≥ 0, got -1'}
 */
export function readOptions<S extends OptionSpecs>(
  specs: S,
  given: unknown,
): { ok: true; options: OptionsOf<S> } | { ok: false; problem: string } {
  const names = Object.keys(specs);
  if (given !== undefined && (typeof given !== 'object' || given === null || Array.isArray(given))) {
    return { ok: false, problem: `expected an object of options, got ${JSON.stringify(given)}` };
  }
  const values = (given ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(values)) {
    if (!(key in specs)) {
      const known = names.length > 0 ? `it takes ${names.map((n) => `"${n}"`).join(', ')}` : 'it takes no options';
      return { ok: false, problem: `unknown option "${key}"; ${known}` };
    }
  }
  const options: Record<string, unknown> = {};
  for (const name of names) {
    const spec = specs[name]!;
    const value = values[name];
    if (value === undefined) options[name] = spec.default;
    else if (spec.accepts(value)) options[name] = value;
    else return { ok: false, problem: `"${name}" must be ${spec.expected}, got ${JSON.stringify(value)}` };
  }
  return { ok: true, options: options as OptionsOf<S> };
}
