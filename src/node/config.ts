import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import {
  CONFIG_MISSING,
  CONFIG_NOT_FILE,
  CONFIG_SCHEMA,
  CONFIG_SETTING,
  CONFIG_SYNTAX,
  CONFIG_TOO_LARGE,
  CONFIG_UNOPENABLE,
  jixiaoError,
} from '../errors.js';
import { JixiaoError, resolveProfile, resolveSettings, rules, type ProfileInput, type RuleSetting } from '../index.js';
import type { Config } from '../check/config.js';
import type { Worded } from '../errors.js';
import { ENCODINGS, type Encoding } from './read/read-report.js';

/**
 * The CLI's configuration file: the core's options (profile, rules, locale) and what only
 * the command line uses (how files are read, which are left out, when warnings fail).
 * Its JSON Schema is made from the zod schema in config-schema.ts; here it is checked by
 * hand (see {@link checkConfig}), so that the CLI does not load zod.
 */
interface CliConfig extends Config {
  encoding?: Encoding | undefined;
  maxSize?: number | undefined;
  maxExpandedSize?: number | undefined;
  /** Seconds. */
  timeout?: number | undefined;
  /** MB. */
  maxMemory?: number | undefined;
  ignore?: string[] | undefined;
}

const NAMES = ['.jixiaorc.json', '.jixiaorc.yaml', '.jixiaorc.yml', 'package.json'];
/** No real configuration comes near 1 MB; a larger file is a mistake, not a config. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** A configuration and the file it came from (none: the defaults). */
export interface FoundConfig {
  config: CliConfig;
  file?: string;
}

/**
 * Reads a small regular file, or gives `undefined` when there is none. Opened without
 * blocking and checked before reading, so a FIFO or a device named like a config file
 * cannot hang the CLI, and a huge file cannot fill memory.
 */
export async function readSmallFile(path: string, limit = MAX_CONFIG_BYTES): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw jixiaoError(CONFIG_UNOPENABLE, { file: path, errno: String(code) }, { file: path });
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw jixiaoError(CONFIG_NOT_FILE, { file: path }, { file: path });
    if (info.size > limit) throw jixiaoError(CONFIG_TOO_LARGE, { file: path, limit }, { file: path });
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The folders a configuration is looked for in: `from`, then each folder above it up to
 * and including the project root (the nearest folder with a package.json or .git) or
 * the home folder. When neither is above `from`, `from` alone: a configuration planted
 * in /tmp or / must not silently change how a reviewer's reports are checked.
 */
export async function searchFolders(from: string): Promise<string[]> {
  const home = resolve(homedir());
  const folders: string[] = [];
  for (let dir = resolve(from); ;) {
    folders.push(dir);
    if (dir === home || (await exists(join(dir, 'package.json'))) || (await exists(join(dir, '.git')))) return folders;
    const up = dirname(dir);
    if (up === dir) return folders.slice(0, 1);
    dir = up;
  }
}

/**
 * Finds the configuration like remark and textlint: `.jixiaorc.json`, `.jixiaorc.yaml`
 * or `.jixiaorc.yml`, or the `jixiao` key of a package.json, in `from` or the nearest
 * folder above it within the project (see {@link searchFolders}).
 */
export async function findConfig(from: string): Promise<FoundConfig> {
  for (const dir of await searchFolders(from)) {
    for (const name of NAMES) {
      const file = join(dir, name);
      const text = await readSmallFile(file);
      if (text === undefined) continue;
      if (name === 'package.json') {
        const pkg = (await parseFile(file, text)) as { jixiao?: unknown };
        if (pkg && typeof pkg === 'object' && 'jixiao' in pkg)
          return { config: validate(file, pkg.jixiao, 'jixiao.'), file };
        continue;
      }
      return { config: validate(file, await parseFile(file, text)), file };
    }
  }
  return { config: {} };
}

/** Loads a configuration file named with `--config`. */
export async function loadConfig(file: string): Promise<FoundConfig> {
  const text = await readSmallFile(file);
  if (text === undefined) throw jixiaoError(CONFIG_MISSING, { file }, { file });
  const data = await parseFile(file, text);
  if (basename(file) === 'package.json')
    return { config: validate(file, (data as { jixiao?: unknown })?.jixiao ?? {}, 'jixiao.'), file };
  return { config: validate(file, data), file };
}

async function parseFile(file: string, text: string): Promise<unknown> {
  const yaml = /\.ya?ml$/i.test(file);
  try {
    // The YAML parser is loaded only for a YAML configuration.
    return yaml ? (await import('yaml')).parse(text) : JSON.parse(text);
  } catch (error) {
    const first = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw jixiaoError(CONFIG_SYNTAX, { file, syntax: yaml ? 'YAML' : 'JSON', cause: String(first) }, { file });
  }
}

/** The keys a configuration may have, in the order the error for an unknown key lists them. */
const KEYS = [
  '$schema',
  'profile',
  'rules',
  'locale',
  'maxWarnings',
  'encoding',
  'maxSize',
  'maxExpandedSize',
  'timeout',
  'maxMemory',
  'ignore',
] as const;

const SEVERITIES = new Set<unknown>(['off', 'warn', 'error', 0, 1, 2]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isWhole = (value: unknown): value is number => Number.isSafeInteger(value);
const shown = (value: unknown) => (value === undefined ? 'undefined' : JSON.stringify(value));
/** "expected …, got …" in both languages. */
const expected = (en: string, zh: string, value: unknown): Worded => ({
  en: `expected ${en}, got ${shown(value)}`,
  'zh-CN': `应为${zh}，收到 ${shown(value)}`,
});

/** What is wrong with a configuration's shape: the key at fault (empty: the file) and the problem. */
export interface ConfigProblem {
  key: string;
  problem: Worded;
  allowed?: readonly string[];
}

/**
 * What is wrong with a configuration's shape, or undefined: the checks of the zod schema in
 * config-schema.ts written out, so that the CLI needs no zod (a test holds the two to the same
 * answers and keys). Unknown keys are worded as zod words them. The rules' options and the
 * profile are checked by the core's own readers, as they are for options given in code.
 */
export function checkConfig(data: unknown): ConfigProblem | undefined {
  if (!isObject(data)) return { key: '', problem: expected('an object', '对象', data) };
  const unknown = Object.keys(data).filter((key) => !(KEYS as readonly string[]).includes(key));
  if (unknown.length) {
    const list = unknown.map((key) => JSON.stringify(key)).join(', ');
    return {
      key: '',
      problem: {
        en: `Unrecognized key${unknown.length > 1 ? 's' : ''}: ${list}`,
        'zh-CN': `出现未知的键(key): ${list}`,
      },
      allowed: KEYS.filter((k) => k !== '$schema'),
    };
  }
  const {
    $schema,
    profile,
    rules,
    locale,
    maxWarnings,
    encoding,
    maxSize,
    maxExpandedSize,
    timeout,
    maxMemory,
    ignore,
  } = data;
  if ($schema !== undefined && typeof $schema !== 'string')
    return { key: '$schema', problem: expected('a string', '字符串', $schema) };
  if (profile !== undefined && typeof profile !== 'string' && !isObject(profile))
    return {
      key: 'profile',
      problem: expected('a built-in profile id or a profile object', '内置报告类型的 id 或报告类型对象', profile),
    };
  if (rules !== undefined) {
    if (!isObject(rules))
      return { key: 'rules', problem: expected('an object of rule settings', '规则设置的对象', rules) };
    for (const [id, setting] of Object.entries(rules)) {
      const ok = Array.isArray(setting)
        ? setting.length >= 1 && setting.length <= 2 && SEVERITIES.has(setting[0])
        : SEVERITIES.has(setting);
      if (!ok)
        return {
          key: `rules.${id}`,
          problem: expected(
            '"off", "warn", "error" (or 0, 1, 2), optionally as [severity, options]',
            ' "off"、"warn"、"error"（或 0、1、2），或 [级别, 选项]',
            setting,
          ),
        };
    }
  }
  if (locale !== undefined && locale !== 'zh-CN' && locale !== 'en')
    return { key: 'locale', problem: expected('"zh-CN" or "en"', ' "zh-CN" 或 "en"', locale) };
  if (maxWarnings !== undefined && !(isWhole(maxWarnings) && maxWarnings >= 0))
    return { key: 'maxWarnings', problem: expected('a whole number, 0 or more', '不小于 0 的整数', maxWarnings) };
  if (encoding !== undefined && !(ENCODINGS as readonly unknown[]).includes(encoding)) {
    const list = ENCODINGS.map((e) => `"${e}"`);
    return { key: 'encoding', problem: expected(`one of ${list.join(', ')}`, ` ${list.join('、')} 之一`, encoding) };
  }
  if (maxSize !== undefined && !(isWhole(maxSize) && maxSize > 0))
    return {
      key: 'maxSize',
      problem: expected('a whole number of bytes, more than 0', '大于 0 的整数（字节）', maxSize),
    };
  if (maxExpandedSize !== undefined && !(isWhole(maxExpandedSize) && maxExpandedSize > 0))
    return {
      key: 'maxExpandedSize',
      problem: expected('a whole number of bytes, more than 0', '大于 0 的整数（字节）', maxExpandedSize),
    };
  if (timeout !== undefined && !(typeof timeout === 'number' && Number.isFinite(timeout) && timeout > 0))
    return { key: 'timeout', problem: expected('a number of seconds, more than 0', '大于 0 的秒数', timeout) };
  if (maxMemory !== undefined && !(isWhole(maxMemory) && maxMemory >= 16))
    return {
      key: 'maxMemory',
      problem: expected('a whole number of MB, 16 or more', '不小于 16 的整数（MB）', maxMemory),
    };
  if (ignore !== undefined) {
    if (!Array.isArray(ignore))
      return { key: 'ignore', problem: expected('an array of patterns', '模式的数组', ignore) };
    const index = ignore.findIndex((p) => typeof p !== 'string');
    if (index >= 0)
      return { key: `ignore.${index}`, problem: expected('a pattern (a string)', '模式（字符串）', ignore[index]) };
  }
  return undefined;
}

/** Checks a config's rules and profile (the core), then its shape, naming the key at fault. */
function validate(file: string, data: unknown, prefix = ''): CliConfig {
  // The core checks rules and profiles first: its messages name the rule or the profile's
  // key and what it takes.
  const given = (data ?? {}) as { rules?: unknown; profile?: unknown };
  coreChecks(file, prefix, () => {
    if (isObject(given.rules)) resolveSettings(rules, given.rules as Record<string, RuleSetting>);
    if (isObject(given.profile) || typeof given.profile === 'string') resolveProfile(given.profile as ProfileInput);
  });
  const wrong = checkConfig(data ?? {});
  if (wrong) {
    const key = prefix + wrong.key;
    const allowed = wrong.allowed ? { allowed: wrong.allowed } : {};
    throw jixiaoError(
      CONFIG_SCHEMA,
      { file, key, problem: wrong.problem, ...allowed },
      { file, ...(key ? { key } : {}) },
    );
  }
  return (data ?? {}) as CliConfig;
}

/** Runs the core's checks of a configuration's settings; a mistake is the file's, at `prefix` + its key. */
function coreChecks(file: string, prefix: string, run: () => void): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof JixiaoError)) throw error;
    throw jixiaoError(
      CONFIG_SETTING,
      { file, error },
      { file, cause: error, ...(error.key ? { key: prefix + error.key } : {}) },
    );
  }
}
