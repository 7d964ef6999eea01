/**
 * The CLI's configuration file (`.jixiaorc.json`) as the page edits it. The page uses `profile`, `rules` and
 * `locale`, honours `encoding`, `maxSize` and `maxExpandedSize` when reading, and keeps every other key as it came
 * (`ignore`, `maxWarnings`, `$schema`, keys of later versions), so a file imported, edited and exported loses nothing.
 * Pure: no DOM.
 */

export type Severity = 'off' | 'warn' | 'error';
import type { Locale } from '../../../src/index.js';

export type { Locale };

/** What the page holds of a configuration file. */
export interface Rc {
  /** The file as it was read (or `{}`): every key, in its order. */
  raw: Record<string, unknown>;
  /** A built-in profile id or a profile object; absent: detect it for each report. */
  profile?: string | Record<string, unknown>;
  /** Rule settings over the recommended ones, as written: `'off'`, `2`, `['error', {…}]`. */
  rules: Record<string, unknown>;
  locale?: Locale;
}

export type RcResult = { ok: true; rc: Rc } | { ok: false; error: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a `.jixiaorc.json`. Says what is wrong and where: bad JSON, a value of the wrong type. Whether the rule
 * ids, severities and profile are right is for the core to say (`check` throws a `JixiaoError`).
 *
 * @example
 *   parseRc('{"rules": {"no-template-text": "off"}, "ignore": ["drafts/**"]}').rc.rules // {'no-template-text': 'off'}
 */
export function parseRc(text: string): RcResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    return { ok: false, error: `not valid JSON: ${(error as Error).message}` };
  }
  if (!isObject(data)) return { ok: false, error: 'the file must hold one JSON object: {"profile": …, "rules": {…}}' };
  const { profile, rules, locale } = data;
  if (profile !== undefined && typeof profile !== 'string' && !isObject(profile))
    return { ok: false, error: '"profile" must be a profile id (a string) or a profile object' };
  if (rules !== undefined && !isObject(rules))
    return { ok: false, error: '"rules" must be an object: {"rule-id": "off" | "warn" | "error"}' };
  if (locale !== undefined && locale !== 'zh-CN' && locale !== 'en')
    return { ok: false, error: `"locale" must be "zh-CN" or "en", not ${JSON.stringify(locale)}` };
  const rc: Rc = { raw: data, rules: { ...(rules ?? {}) } };
  if (profile !== undefined) rc.profile = profile;
  if (locale !== undefined) rc.locale = locale;
  return { ok: true, rc };
}

const NAMES: Record<string, Severity> = { off: 'off', warn: 'warn', error: 'error', 0: 'off', 1: 'warn', 2: 'error' };

/** The severity a setting names (`2`, `'error'`, `['error', {…}]`), or undefined for one the core will refuse. */
export function severityOf(setting: unknown): Severity | undefined {
  const head = Array.isArray(setting) ? setting[0] : setting;
  return typeof head === 'string' || typeof head === 'number' ? NAMES[String(head)] : undefined;
}

/**
 * Sets one rule's severity, keeping its options (`['error', {tolerance: 0.5}]` → `['warn', {tolerance: 0.5}]`);
 * `undefined` removes the setting, so the rule falls back to its recommended severity.
 *
 * @example
 *   withSeverity({ 'rate-consistency': ['error', { tolerance: 0.5 }] }, 'rate-consistency', 'warn')
 *   // {'rate-consistency': ['warn', {tolerance: 0.5}]}
 */
export function withSeverity(
  rules: Record<string, unknown>,
  id: string,
  severity: Severity | undefined,
): Record<string, unknown> {
  const out = { ...rules };
  if (severity === undefined) delete out[id];
  else {
    const current = out[id];
    out[id] = Array.isArray(current) && current.length > 1 ? [severity, ...current.slice(1)] : severity;
  }
  return out;
}

/**
 * The configuration file to save: the keys read, in their order, with `profile`, `rules` and `locale` as edited
 * (absent when not set), then two-space JSON with a final newline, as a person would write it.
 */
export function rcToJson(rc: Rc): string {
  const out: Record<string, unknown> = { ...rc.raw };
  const put = (key: string, value: unknown) => {
    if (value === undefined) delete out[key];
    else out[key] = value;
  };
  put('profile', rc.profile);
  put('rules', Object.keys(rc.rules).length > 0 ? rc.rules : undefined);
  put('locale', rc.locale);
  return JSON.stringify(out, null, 2) + '\n';
}

/** The CLI's flags the readers' reasons name, and the key of the settings file that does the same in the page. */
const FLAG_KEYS: ReadonlyArray<[RegExp, string]> = [
  [/--max-size\b/, 'maxSize'],
  [/--max-expanded-size\b/, 'maxExpandedSize'],
  [/--encoding\b/, 'encoding'],
];

/**
 * The settings-file key that does in the page what the CLI flag named in a reader's reason does (the page shows the
 * CLI's reasons, which name its flags), or undefined when the reason names none the page has.
 *
 * @example
 *   settingNamed('文件大小 60.0 MB，超过上限 50.0 MB；如确需读取，请用 --max-size 调高上限') // 'maxSize'
 */
export function settingNamed(reason: string): string | undefined {
  return FLAG_KEYS.find(([flag]) => flag.test(reason))?.[1];
}
