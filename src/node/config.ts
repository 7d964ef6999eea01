import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
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
import { ConfigSchema } from '../schema.js';
import { ENCODINGS } from './read/read-report.js';

/**
 * The CLI's configuration file: the core's options (profile, rules, locale) and what only
 * the command line uses (how files are read, which are left out, when warnings fail).
 */
const CliConfigSchema = ConfigSchema.extend({
  encoding: z
    .enum(ENCODINGS as ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'])
    .optional()
    .describe('decode text files in this encoding instead of detecting it'),
  maxSize: z.number().int().positive().optional().describe('refuse files larger than this many bytes'),
  maxWarnings: z.number().int().min(0).optional().describe('exit 1 when there are more warnings than this'),
  ignore: z.array(z.string()).optional().describe('patterns of files to leave out (gitignore syntax)'),
}).strict();

type CliConfig = z.output<typeof CliConfigSchema>;

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

/** Validates a config against the schema, then its rules and profile, naming the key at fault. */
function validate(file: string, data: unknown, prefix = ''): CliConfig {
  // The core checks rules and profiles first: its messages name the rule or the profile's
  // key and what it takes, where the schema says only "Invalid input".
  const given = (data ?? {}) as { rules?: unknown; profile?: unknown };
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  coreChecks(file, prefix, () => {
    if (isObject(given.rules)) resolveSettings(rules, given.rules as Record<string, RuleSetting>);
    if (isObject(given.profile) || typeof given.profile === 'string') resolveProfile(given.profile as ProfileInput);
  });
  const parsed = CliConfigSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = prefix + issue.path.join('.');
    // The same first issue in Chinese: zod words it in the language it is given.
    const zh = CliConfigSchema.safeParse(data ?? {}, { error: z.locales.zhCN().localeError }).error?.issues[0];
    const problem = { en: issue.message, 'zh-CN': zh?.message ?? issue.message };
    const allowed =
      issue.code === 'unrecognized_keys'
        ? { allowed: Object.keys(CliConfigSchema.shape).filter((k) => k !== '$schema') }
        : {};
    throw jixiaoError(CONFIG_SCHEMA, { file, key, problem, ...allowed }, { file, ...(key ? { key } : {}) });
  }
  return parsed.data;
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

/** The JSON Schema of the CLI's configuration file (what `jixiao/config.schema.json` should ship). */
export function cliConfigJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(CliConfigSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}
