import type { Locale } from '../index.js';

const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/**
 * The language the environment asks for, the POSIX way: the first of `LC_ALL`,
 * `LC_MESSAGES` and `LANG` that is set decides. `en_US.UTF-8` gives English, `zh_CN…`
 * Chinese; `C`, `POSIX` and other languages give nothing (Chinese stays the default).
 */
export function environmentLocale(env: NodeJS.ProcessEnv = process.env): Locale | undefined {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  if (!value) return undefined;
  if (/^en(?:[_.@-]|$)/i.test(value)) return 'en';
  if (/^zh(?:[_.@-]|$)/i.test(value)) return 'zh-CN';
  return undefined;
}

/**
 * The `--locale` value as written on the command line, found before the arguments are
 * parsed so that even a mistake in them is explained in the language asked for.
 */
export function localeFlag(args: readonly string[]): Locale | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    const value = arg === '--locale' ? args[i + 1] : arg.startsWith('--locale=') ? arg.slice(9) : undefined;
    if (value !== undefined) return LOCALES.includes(value as Locale) ? (value as Locale) : undefined;
  }
  return undefined;
}
