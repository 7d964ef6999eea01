import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { JixiaoError, resolveProfile, resolveSettings, rules } from '../index.js';
import { ConfigSchema as CoreConfigSchema } from '../schema.js';

/** The configuration file: what the core understands, and the CLI's own options. */
export const ConfigSchema = CoreConfigSchema.extend({
  encoding: z
    .enum(['utf-8', 'utf-16le', 'utf-16be', 'gb18030'])
    .optional()
    .describe('decode text files in this encoding instead of detecting it'),
  maxSize: z.number().int().positive().optional().describe('refuse files larger than this many bytes'),
  ignore: z.array(z.string()).optional().describe('glob patterns of files to leave out'),
}).strict();

export type Config = z.output<typeof ConfigSchema>;

const NAMES = ['.jixiaorc.json', '.jixiaorc.yaml', '.jixiaorc.yml', 'package.json'];

async function tryRead(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Finds the configuration like remark and textlint: `.jixiaorc.json`, `.jixiaorc.yaml`
 * or `.jixiaorc.yml`, or the `jixiao` key of a package.json, in `from` or the nearest
 * folder above it. Returns the validated config and where it came from.
 */
export async function findConfig(from: string): Promise<{ config: Config; file?: string }> {
  let dir = resolve(from);
  for (;;) {
    for (const name of NAMES) {
      const file = join(dir, name);
      const text = await tryRead(file);
      if (text === undefined) continue;
      if (name === 'package.json') {
        const pkg = parseFile(file, text) as { jixiao?: unknown };
        if (pkg && typeof pkg === 'object' && 'jixiao' in pkg)
          return { config: validate(file, pkg.jixiao, 'jixiao.'), file };
        continue;
      }
      return { config: validate(file, parseFile(file, text)), file };
    }
    const up = dirname(dir);
    if (up === dir) return { config: {} };
    dir = up;
  }
}

/** Loads a configuration file named with `--config`. */
export async function loadConfig(file: string): Promise<Config> {
  const text = await tryRead(file);
  if (text === undefined)
    throw new JixiaoError(`config ${file}: cannot read it (check the path)`, { code: 'config', file });
  const data = parseFile(file, text);
  if (basename(file) === 'package.json') return validate(file, (data as { jixiao?: unknown })?.jixiao ?? {}, 'jixiao.');
  return validate(file, data);
}

function parseFile(file: string, text: string): unknown {
  try {
    return /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new JixiaoError(
      `config ${file}: not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      { code: 'config', file },
    );
  }
}

/** Validates a config against the schema, then its rules and profile, naming the key at fault. */
function validate(file: string, data: unknown, prefix = ''): Config {
  const parsed = ConfigSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = prefix + issue.path.join('.');
    const allowed =
      issue.code === 'unrecognized_keys'
        ? ` (allowed keys: ${Object.keys(ConfigSchema.shape)
            .filter((k) => k !== '$schema')
            .join(', ')})`
        : '';
    throw new JixiaoError(`config ${file}: ${key ? `"${key}"` : 'the file'}: ${issue.message}${allowed}`, {
      code: 'config',
      file,
      ...(key ? { key } : {}),
    });
  }
  try {
    resolveSettings(rules, parsed.data.rules ?? {});
    if (parsed.data.profile) resolveProfile(parsed.data.profile);
  } catch (error) {
    if (!(error instanceof JixiaoError)) throw error;
    throw new JixiaoError(`config ${file}: ${error.message}`, {
      code: 'config',
      file,
      ...(error.key ? { key: prefix + error.key } : {}),
    });
  }
  return parsed.data;
}
