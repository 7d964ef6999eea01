import { parseArgs } from 'node:util';
import { JixiaoError } from '../index.js';
import type { CliText } from './text.js';

/** The options every batch command takes. */
const COMMON = {
  help: { type: 'boolean', short: 'h' },
  config: { type: 'string' },
  'print-config': { type: 'string' },
  'ignore-pattern': { type: 'string', multiple: true },
  'no-gitignore': { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  year: { type: 'string' },
  encoding: { type: 'string' },
  'max-size': { type: 'string' },
  'max-expanded-size': { type: 'string' },
  'max-memory': { type: 'string' },
  timeout: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  locale: { type: 'string' },
} as const;

export const CHECK = {
  ...COMMON,
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  profile: { type: 'string' },
  rule: { type: 'string', multiple: true },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  backup: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
} as const;

export const EXTRACT = {
  ...COMMON,
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
} as const;

export const CONVERT = {
  ...COMMON,
  to: { type: 'string' },
  'out-dir': { type: 'string' },
  stdout: { type: 'boolean' },
  force: { type: 'boolean' },
} as const;

export const INSPECT = {
  help: { type: 'boolean', short: 'h' },
  encoding: { type: 'string' },
  'stdin-filename': { type: 'string' },
  locale: { type: 'string' },
} as const;

type Options = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** A mistake in how jixiao was called: exit 2 with the message and a pointer to the help. */
export function usage(message: string, key?: string): JixiaoError {
  return new JixiaoError(message, { code: 'usage', ...(key ? { key } : {}) });
}

/**
 * Parses `args` against `options` (strict: an unknown option or a missing value is a usage
 * error in the user's language, with the nearest option suggested).
 */
export function parse<const O extends Options>(args: string[], options: O, text: CliText) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    const message = (error as Error).message;
    const option = /'(-[^' ]*)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw usage(text.unknownOption(option, nearest(option, names(options))), option);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const long = /--[a-z-]+/.exec(message)?.[0] ?? option;
      throw usage(/does not take/.test(message) ? text.unexpectedValue(long) : text.missingValue(long), long);
    }
    throw error;
  }
}

function names(options: Options): string[] {
  const out: string[] = [];
  for (const [name, option] of Object.entries(options)) {
    out.push(`--${name}`);
    if (option.short) out.push(`-${option.short}`);
  }
  return out;
}

/**
 * The candidate closest to `word` by edit distance, when it is close enough to be a
 * typo (at most one edit in three characters, and at least one): `--formt` → `--format`.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const bare = word.split('=')[0]!;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(bare, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(1, Math.floor(bare.replace(/^-+/, '').length / 3)) ? best : undefined;
}

/** Edit distance counting a swap of neighbours as one edit (`--fxi` → `--fix`), row by row. */
function distance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row[j] = d;
    }
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/** Value parsers: each turns a flag's text into a value or a usage error naming the flag. */
export function values(text: CliText) {
  return {
    wholeNumber(name: string, value: string | undefined, min = 0): number | undefined {
      if (value === undefined) return undefined;
      if (!/^\d+$/.test(value) || Number(value) < min) throw usage(text.wholeNumber(`--${name}`, min, value), name);
      return Number(value);
    },
    /** A report's year: four digits, as the core takes it (`--year 99999` once failed inside a worker). */
    year(name: string, value: string | undefined): number | undefined {
      if (value === undefined) return undefined;
      if (!/^[1-9]\d{3}$/.test(value)) throw usage(text.year(`--${name}`, value), name);
      return Number(value);
    },
    positive(name: string, value: string | undefined): number | undefined {
      if (value === undefined) return undefined;
      const n = Number(value);
      if (!/^\d+(?:\.\d+)?$/.test(value) || !(n > 0)) throw usage(text.positiveNumber(`--${name}`, value), name);
      return n;
    },
    size(name: string, value: string | undefined): number | undefined {
      if (value === undefined) return undefined;
      const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(value.trim());
      if (!m) throw usage(text.size(`--${name}`, value), name);
      const unit = (m[2] ?? 'b').toLowerCase()[0]!;
      const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
      return Math.round(Number(m[1]) * factor);
    },
    oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback?: T): T {
      if (value === undefined && fallback !== undefined) return fallback;
      if (value === undefined || !allowed.includes(value as T)) throw usage(text.oneOf(`--${name}`, allowed, value));
      return value as T;
    },
  };
}
