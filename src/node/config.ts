import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { JixiaoError, resolveProfile, resolveSettings, rules } from '../index.js';
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

const configError = (file: string, message: string, key?: string) =>
  new JixiaoError(`config ${file}: ${message}`, { code: 'config', file, ...(key ? { key } : {}) });

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
    throw configError(path, `cannot open it (${code}); check its permissions`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw configError(path, 'not a regular file; remove it or rename it');
    if (info.size > limit)
      throw configError(path, `larger than ${limit / 1024 / 1024} MB; this is not a configuration`);
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
  if (text === undefined) throw configError(file, 'cannot read it (check the path)');
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
    throw configError(file, `not valid ${yaml ? 'YAML' : 'JSON'}: ${first}`);
  }
}

/** Validates a config against the schema, then its rules and profile, naming the key at fault. */
function validate(file: string, data: unknown, prefix = ''): CliConfig {
  const parsed = CliConfigSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = prefix + issue.path.join('.');
    const allowed =
      issue.code === 'unrecognized_keys'
        ? ` (allowed keys: ${Object.keys(CliConfigSchema.shape)
            .filter((k) => k !== '$schema')
            .join(', ')})`
        : '';
    throw configError(file, `${key ? `"${key}"` : 'the file'}: ${issue.message}${allowed}`, key || undefined);
  }
  try {
    resolveSettings(rules, parsed.data.rules ?? {});
    if (parsed.data.profile) resolveProfile(parsed.data.profile);
  } catch (error) {
    if (!(error instanceof JixiaoError)) throw error;
    throw configError(file, error.message, error.key ? prefix + error.key : undefined);
  }
  return parsed.data;
}

/** The JSON Schema of the CLI's configuration file (what `jixiao/config.schema.json` should ship). */
export function cliConfigJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(CliConfigSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}
