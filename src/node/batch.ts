import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { resolveProfile, resolveSettings, rules, type Locale } from '../index.js';
import { usage, values as parsers } from './args.js';
import { findConfig, loadConfig, type FoundConfig } from './config.js';
import { expandInputs, isIgnored, type Input } from './files.js';
import { DEFAULT_TIMEOUT_S, defaultJobs, defaultMaxMemoryMb, enoughBytes, Pool } from './pool.js';
import { DEFAULT_MAX_SIZE, ENCODINGS, type Encoding, type ReadOptions } from './read/read-report.js';
import { DEFAULT_MAX_EXPANDED_SIZE } from '../read/index.js';
import { cliText, type CliText, type Limits } from './text.js';

/** What a command is run with: the wording, the streams, the working folder. */
export interface Context {
  locale: Locale;
  /** True when `--locale` was given (it then wins over the configuration's `locale`). */
  localeGiven: boolean;
  text: CliText;
  version: string;
  cwd: string;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  /** Workers started before the CLI was loaded (see cli.ts), if any. */
  pool?: Pool;
}

/** The options all batch commands share, as `parseArgs` gives them. */
export interface CommonValues {
  config?: string | undefined;
  'print-config'?: string | undefined;
  'ignore-pattern'?: string[] | undefined;
  'no-gitignore'?: boolean | undefined;
  'stdin-filename'?: string | undefined;
  year?: string | undefined;
  encoding?: string | undefined;
  'max-size'?: string | undefined;
  'max-expanded-size'?: string | undefined;
  'max-memory'?: string | undefined;
  timeout?: string | undefined;
  jobs?: string | undefined;
}

/** A batch ready to run: its files, configuration, limits and worker pool. */
export interface Batch {
  context: Context;
  found: FoundConfig;
  inputs: Input[];
  read: ReadOptions;
  limits: Limits;
  jobs: number;
  pool: Pool;
  year?: number;
  /** Removes what the batch left behind (the copy of standard input). */
  cleanup(): Promise<void>;
}

/** The encoding named by `--encoding` (`utf8`, `gbk` and `gb2312` accepted too). */
export function encodingFlag(text: CliText, value: string | undefined): Encoding | undefined {
  if (value === undefined) return undefined;
  const e = value
    .toLowerCase()
    .replace('utf8', 'utf-8')
    .replace(/^gbk$|^gb2312$/, 'gb18030') as Encoding;
  if (!ENCODINGS.includes(e)) throw usage(text.oneOf('--encoding', ENCODINGS, value), 'encoding');
  return e;
}

/**
 * Copies standard input (up to `limit + 1` bytes: enough for the readers to say it is too
 * large) to a file named like `name` in a folder only this user can read, so that it is
 * read exactly as a file of that name would be. Nothing when standard input is empty.
 */
export async function stdinToFile(
  stream: NodeJS.ReadStream,
  name: string | undefined,
  limit: number,
): Promise<{ folder: string; path: string } | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > limit) break;
  }
  if (size === 0) return undefined;
  const folder = await mkdtemp(join(tmpdir(), 'jixiao-stdin-'));
  const path = join(folder, basename(name ?? 'stdin.txt'));
  await writeFile(path, Buffer.concat(chunks), { mode: 0o600 });
  return { folder, path };
}

/**
 * Loads the configuration, finds the files (and standard input), and starts the
 * workers, which load while the files are found.
 */
export async function prepare(
  context: Context,
  values: CommonValues,
  positionals: string[],
  exclude: string[] = [],
): Promise<Batch> {
  const { text } = context;
  const parse = parsers(text);
  const found = values.config ? await loadConfig(values.config) : await findConfig(context.cwd);
  if (!context.localeGiven && found.config.locale && found.config.locale !== context.locale) {
    context.locale = found.config.locale;
    context.text = cliText(found.config.locale, context.version);
  }
  const limits: Limits = {
    maxSize: parse.size('max-size', values['max-size']) ?? found.config.maxSize ?? DEFAULT_MAX_SIZE,
    maxMemoryMb:
      parse.wholeNumber('max-memory', values['max-memory'], 16) ?? found.config.maxMemory ?? defaultMaxMemoryMb(),
    timeoutMs: Math.round(
      (parse.positive('timeout', values.timeout) ?? found.config.timeout ?? DEFAULT_TIMEOUT_S) * 1000,
    ),
  };
  const expanded = parse.size('max-expanded-size', values['max-expanded-size']) ?? found.config.maxExpandedSize;
  const jobsFlag = parse.wholeNumber('jobs', values.jobs, 1);
  const year = parse.year('year', values.year);
  const forced = encodingFlag(context.text, values.encoding) ?? found.config.encoding;
  // The workers load while the files are found: those started early if their limits are right.
  const limitsOf = { maxMemoryMb: limits.maxMemoryMb, timeoutMs: limits.timeoutMs };
  let pool = context.pool;
  if (!pool?.matches(limitsOf)) {
    await pool?.close();
    pool = new Pool({ jobs: jobsFlag ?? 1, ...limitsOf });
  }
  pool.grow(jobsFlag ?? 1);

  let temporary: string | undefined;
  const cleanup = async () => {
    await pool!.close();
    if (temporary) await rm(temporary, { recursive: true, force: true });
  };
  try {
    const stdinArgs = positionals.filter((p) => p === '-').length;
    if (stdinArgs > 1) throw usage(context.text.stdinTwice);
    const files = positionals.filter((p) => p !== '-');
    const wantsStdin = stdinArgs === 1 || (positionals.length === 0 && !context.stdin.isTTY);
    const ignorePatterns = [...(found.config.ignore ?? []), ...(values['ignore-pattern'] ?? [])];
    const expand = { ignore: ignorePatterns, gitignore: !values['no-gitignore'], cwd: context.cwd, exclude };
    const { inputs, ignored } = await expandInputs(files, expand);
    if (wantsStdin) {
      const copy = await stdinToFile(context.stdin, values['stdin-filename'], limits.maxSize);
      if (copy) {
        temporary = copy.folder;
        inputs.push({ path: copy.path, base: '', name: values['stdin-filename'] ?? '-' });
      } else if (stdinArgs === 1) throw usage(context.text.stdinEmpty);
    }
    if (inputs.length === 0) {
      if (positionals.length === 0) throw usage(context.text.noInputs);
      throw usage(ignored ? context.text.allIgnored(files.join(', ')) : context.text.noReports(files.join(', ')));
    }
    // The batch's size decides the default; counting stops once every core would be busy.
    let bytes = 0;
    if (jobsFlag === undefined) {
      for (let i = 0; i < inputs.length && bytes < enoughBytes(); i += 64) {
        const sizes = await Promise.all(
          inputs.slice(i, i + 64).map((input) =>
            stat(input.path).then(
              (info) => info.size,
              () => 0,
            ),
          ),
        );
        for (const size of sizes) bytes += size;
      }
    }
    const jobs = jobsFlag ?? defaultJobs(bytes);
    return {
      context,
      found,
      inputs,
      read: {
        maxSize: limits.maxSize,
        ...(expanded ? { maxExpandedSize: expanded } : {}),
        ...(forced ? { encoding: forced } : {}),
        // The readers say what is wrong with a file in the user's language.
        locale: context.locale,
      },
      limits,
      jobs,
      pool,
      ...(year ? { year } : {}),
      cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/**
 * `--print-config FILE`: the configuration that applies to FILE, where it came from,
 * every rule's resolved setting and whether the ignore rules leave FILE out.
 */
export async function printConfig(context: Context, values: CommonValues, file: string): Promise<0> {
  const found = values.config ? await loadConfig(values.config) : await findConfig(context.cwd);
  const settings = resolveSettings(rules, found.config.rules ?? {});
  const resolved: Record<string, unknown> = {};
  for (const rule of rules) {
    const { severity, options } = settings.get(rule.id)!;
    resolved[rule.id] = options && Object.keys(options as object).length ? [severity, options] : severity;
  }
  const { config } = found;
  const profile = typeof config.profile === 'string' ? resolveProfile(config.profile).id : config.profile;
  const ignored = await isIgnored(file, {
    ignore: [...(config.ignore ?? []), ...(values['ignore-pattern'] ?? [])],
    gitignore: !values['no-gitignore'],
    cwd: context.cwd,
  });
  const report = {
    file,
    configFile: found.file ?? null,
    ignored,
    locale: context.localeGiven ? context.locale : (config.locale ?? context.locale),
    profile: profile ?? 'detected per report',
    rules: resolved,
    encoding: config.encoding ?? 'detected',
    maxSize: config.maxSize ?? DEFAULT_MAX_SIZE,
    maxExpandedSize: config.maxExpandedSize ?? DEFAULT_MAX_EXPANDED_SIZE,
    timeout: config.timeout ?? DEFAULT_TIMEOUT_S,
    maxMemory: config.maxMemory ?? defaultMaxMemoryMb(),
    ...(config.maxWarnings !== undefined ? { maxWarnings: config.maxWarnings } : {}),
    ignore: config.ignore ?? [],
  };
  context.stderr.write(`${context.text.printConfig(found.file)}\n`);
  context.stdout.write(JSON.stringify(report, null, 2) + '\n');
  return 0;
}
